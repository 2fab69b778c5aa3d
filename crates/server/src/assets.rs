//! The web UI, compiled into the binary: the page works with no network at all.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
const WORLD: &str = include_str!("../assets/world-110m.json");

/// `GET /`.
pub async fn index() -> Response {
    asset_response(INDEX, "text/html; charset=utf-8")
}

/// `GET /assets/{name}`.
pub async fn asset(Path(name): Path<String>) -> Response {
    match name.as_str() {
        "app.js" => asset_response(APP_JS, "text/javascript; charset=utf-8"),
        "app.css" => asset_response(APP_CSS, "text/css; charset=utf-8"),
        "world-110m.json" => asset_response(WORLD, "application/json"),
        _ => (StatusCode::NOT_FOUND, "no such asset").into_response(),
    }
}

fn asset_response(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}
