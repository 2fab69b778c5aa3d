//! API errors: a status and a message, sent as `{"error": {"status": 400, "message": "…"}}`.
//! Internal failures are logged on the server and reach the client as a bare 500.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dateline_store::StoreError;
use serde_json::json;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    /// 400 with a message the client can act on.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// Any status.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    /// 500: the detail goes to the server's log, never to the client.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("dateline serve: internal error: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        match error {
            StoreError::BadQuery(message) => ApiError::bad_request(message),
            StoreError::Missing { .. } | StoreError::WrongVersion { .. } => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, error.to_string())
            }
            other => ApiError::internal(other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"error": {"status": self.status.as_u16(), "message": self.message}});
        (self.status, Json(body)).into_response()
    }
}
