//! Dateline's HTTP server: a JSON API over the embedded store (`dateline-store`), `POST
//! /api/analyze` over the pipeline, and the web UI (`assets/`), all in one binary that needs
//! nothing installed.
//!
//! Invariants:
//! - Reads go through read-only SQLite connections, one per request, from a small pool, on
//!   tokio's blocking threads; the one writer connection is used only by `POST
//!   /api/documents`, which needs the token.
//! - Every error is JSON with a 4xx or 5xx status; internal details stay in the server's log.
//! - Every request has a time limit and every body a size limit.

mod assets;
mod cache;
mod error;
mod handlers;
pub mod openapi;
mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use dateline_store::{Store, StoreError};
use sha2::{Digest, Sha256};

pub use error::ApiError;

/// How long a request may take before it is answered 503.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Largest request body (a news article is rarely over 200 KB).
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;
/// Idle read connections kept open: opening one costs more than most queries.
const POOL_SIZE: usize = 64;

/// What the server needs to start.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The store.
    pub db: PathBuf,
    /// Listen address.
    pub bind: SocketAddr,
    /// Token for writes; `None` makes the API read-only.
    pub token: Option<String>,
    /// Pipeline version recorded with documents posted to the API.
    pub pipeline_version: String,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Binding or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Shared by every request.
pub struct AppState {
    db: PathBuf,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Store>,
    token_digest: Option<[u8; 32]>,
    pipeline_version: String,
    cache: cache::ResponseCache,
    /// Queries running at once: about the cores, so that a burst queues instead of thrashing.
    queries: tokio::sync::Semaphore,
}

impl AppState {
    /// Opens the store (creating it if needed) for the server.
    pub fn new(config: &ServerConfig) -> Result<AppState, ServerError> {
        let writer = Store::open(&config.db)?;
        Ok(AppState {
            db: config.db.clone(),
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(writer),
            token_digest: config.token.as_deref().map(digest),
            pipeline_version: config.pipeline_version.clone(),
            cache: cache::ResponseCache::new(&config.db),
            queries: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
            ),
        })
    }

    /// Runs `query` with a pooled read-only connection on a blocking thread.
    pub(crate) async fn read<T, F>(self: &Arc<Self>, query: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self.queries.acquire().await.map_err(ApiError::internal)?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = state.take_reader()?;
            let result = query(&store);
            state.give_back(store);
            result
        })
        .await
        .map_err(ApiError::internal)?
    }

    fn take_reader(&self) -> Result<Store, ApiError> {
        let pooled = self.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match pooled {
            Some(store) => Ok(store),
            None => Ok(Store::open_read_only(&self.db)?),
        }
    }

    fn give_back(&self, store: Store) {
        let mut readers = self.readers.lock().unwrap_or_else(|p| p.into_inner());
        if readers.len() < POOL_SIZE {
            readers.push(store);
        }
    }

    /// Checks a request's token in constant time (over digests, so the length leaks nothing).
    pub(crate) fn authorize(&self, given: Option<&str>) -> Result<(), ApiError> {
        let Some(expected) = &self.token_digest else {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "writes are disabled: start the server with --token or DATELINE_TOKEN",
            ));
        };
        let Some(given) = given else {
            return Err(ApiError::new(
                StatusCode::UNAUTHORIZED,
                "this endpoint needs a token: send `Authorization: Bearer TOKEN`",
            ));
        };
        let given = digest(given);
        let difference = expected
            .iter()
            .zip(given.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        if difference == 0 {
            Ok(())
        } else {
            Err(ApiError::new(StatusCode::FORBIDDEN, "wrong token"))
        }
    }
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// The whole application: API, UI and their middleware.
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/health", get(handlers::health))
        .route("/stats", get(handlers::stats))
        .route("/events", get(handlers::events))
        .route("/timeline", get(handlers::timeline))
        .route("/network", get(handlers::network))
        .route("/quotes", get(handlers::quotes))
        .route("/actors", get(handlers::actors))
        .route("/places", get(handlers::places))
        .route("/search", get(handlers::search))
        .route(
            "/documents",
            get(handlers::documents).post(handlers::post_document),
        )
        .route("/documents/{id}", get(handlers::document))
        .route("/analyze", post(handlers::analyze))
        .route("/openapi.json", get(handlers::openapi))
        .fallback(handlers::not_found)
        .layer(middleware::from_fn_with_state(Arc::clone(&state), cached));
    Router::new()
        .nest("/api", api)
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .fallback(handlers::not_found)
        .layer(middleware::from_fn(guard))
        .with_state(state)
}

/// Answers a GET from the cache when the store has not changed since it was computed.
async fn cached(
    axum::extract::State(state): axum::extract::State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != axum::http::Method::GET {
        return next.run(request).await;
    }
    let key = request.uri().to_string();
    // A lookup is a mutex and one PRAGMA, microseconds: not worth a blocking thread.
    if let Some(body) = state.cache.get(&key) {
        return json_response(StatusCode::OK, body);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            state.cache.put(key, bytes.clone());
            Response::from_parts(parts, axum::body::Body::from(bytes))
        }
        Err(error) => ApiError::internal(error).into_response(),
    }
}

fn json_response(status: StatusCode, body: axum::body::Bytes) -> Response {
    let mut response = Response::new(axum::body::Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Time limit and security headers for every response.
async fn guard(request: Request, next: Next) -> Response {
    let mut response = match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the request took too long")
            .into_response(),
    };
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Binds and serves until Ctrl-C; `ready` is called with the bound address first.
pub fn serve(config: ServerConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let state = Arc::new(AppState::new(&config)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.bind).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}
