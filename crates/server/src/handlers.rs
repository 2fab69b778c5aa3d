//! The API's handlers: each parses its query, runs one store query on a blocking thread and
//! answers JSON.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dateline_core::schema::{Analysis, OutputOptions};
use dateline_core::{DocMeta, Published, PublishedFrom};
use dateline_ingest::{from_text, IngestConfig, Location};
use dateline_nlp::pipeline::Pipeline;
use dateline_store::query::QuoteFilter;
use dateline_store::NewDocument;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::params::{Params, EVENT_FILTERS, EVENT_PARAMS};
use crate::{AppState, BODY_LIMIT};

type Shared = State<Arc<AppState>>;
type JsonResult = Result<Response, ApiError>;

/// Serializes straight to the body, without an intermediate `Value` tree.
#[allow(clippy::unnecessary_wraps)]
fn to_json(value: impl serde::Serialize) -> JsonResult {
    Ok(Json(value).into_response())
}

/// `GET /api/health`.
pub async fn health() -> Json<Value> {
    Json(json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

/// `GET /api/stats`.
pub async fn stats(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    Params::parse(query.as_deref(), &[])?;
    to_json(state.read(|store| Ok(store.stats()?)).await?)
}

/// `GET /api/events`.
pub async fn events(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(query.as_deref(), &EVENT_PARAMS)?;
    let (filter, limit, offset) = (params.event_filter(), params.limit(50)?, params.offset()?);
    to_json(
        state
            .read(move |store| Ok(store.events(&filter, limit, offset)?))
            .await?,
    )
}

/// `GET /api/timeline`.
pub async fn timeline(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(query.as_deref(), &EVENT_FILTERS)?;
    let filter = params.event_filter();
    let items = state
        .read(move |store| Ok(store.timeline(&filter)?))
        .await?;
    to_json(json!({ "items": items }))
}

/// `GET /api/network`.
pub async fn network(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let mut allowed = EVENT_FILTERS.to_vec();
    allowed.push("limit");
    let params = Params::parse(query.as_deref(), &allowed)?;
    let (filter, limit) = (params.event_filter(), params.limit(60)?);
    to_json(
        state
            .read(move |store| Ok(store.network(&filter, limit as usize)?))
            .await?,
    )
}

/// `GET /api/quotes`.
pub async fn quotes(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(
        query.as_deref(),
        &["speaker", "text", "doc", "kind", "limit", "offset"],
    )?;
    let filter = QuoteFilter {
        speaker: params.get("speaker"),
        text: params.get("text"),
        doc: params.get("doc"),
        kind: params.get("kind"),
    };
    let (limit, offset) = (params.limit(50)?, params.offset()?);
    to_json(
        state
            .read(move |store| Ok(store.quotes(&filter, limit, offset)?))
            .await?,
    )
}

/// `GET /api/actors`.
pub async fn actors(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(query.as_deref(), &["name", "limit", "offset"])?;
    let (name, limit, offset) = (params.get("name"), params.limit(50)?, params.offset()?);
    let items = state
        .read(move |store| Ok(store.actors(name.as_deref(), limit, offset)?))
        .await?;
    to_json(json!({ "items": items }))
}

/// `GET /api/places`.
pub async fn places(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(query.as_deref(), &["limit", "offset"])?;
    let (limit, offset) = (params.limit(200)?, params.offset()?);
    let items = state
        .read(move |store| Ok(store.places(limit, offset)?))
        .await?;
    to_json(json!({ "items": items }))
}

/// `GET /api/search`.
pub async fn search(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(query.as_deref(), &["q", "limit"])?;
    let Some(q) = params.get("q") else {
        return Err(ApiError::bad_request("search needs q, the words to find"));
    };
    let limit = params.limit(20)?;
    let items = state
        .read(move |store| Ok(store.search(&q, limit)?))
        .await?;
    to_json(json!({ "items": items }))
}

/// `GET /api/documents`.
pub async fn documents(State(state): Shared, RawQuery(query): RawQuery) -> JsonResult {
    let params = Params::parse(query.as_deref(), &["limit", "offset"])?;
    let (limit, offset) = (params.limit(50)?, params.offset()?);
    to_json(
        state
            .read(move |store| Ok(store.documents(limit, offset)?))
            .await?,
    )
}

/// `GET /api/documents/{id}`: the analysis, as the contract has it.
pub async fn document(
    State(state): Shared,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> JsonResult {
    Params::parse(query.as_deref(), &[])?;
    let lookup = id.clone();
    let found = state
        .read(move |store| Ok(store.document(&lookup)?))
        .await?;
    match found {
        Some(document) => to_json(document.analysis),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no document {id:?}"),
        )),
    }
}

/// A document sent to the API: plain text, or JSON with metadata.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentBody {
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

/// `POST /api/analyze`: text in, the analysis out; nothing is stored.
pub async fn analyze(headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let body = read_body(&headers, body).await?;
    let analysis = analyze_blocking(body).await?;
    Ok(Json(analysis).into_response())
}

/// `POST /api/documents` (token): analyzes and stores a document.
pub async fn post_document(
    State(state): Shared,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    state.authorize(token)?;
    let body = read_body(&headers, body).await?;
    let analysis = analyze_blocking(body).await?;
    // The request gives no id, so the analysis's id is the text's hash: the store key.
    let id = analysis.document.id.clone();
    let events = analysis.events.len();
    let document = NewDocument {
        id: id.clone(),
        origin: "api".to_string(),
        analysis,
        pipeline: state.pipeline_version.clone(),
    };
    let writer = Arc::clone(&state);
    let outcome = tokio::task::spawn_blocking(move || {
        let mut store = writer.writer.lock().unwrap_or_else(|p| p.into_inner());
        store.write_batch(std::slice::from_ref(&document), false)
    })
    .await
    .map_err(ApiError::internal)??;
    let created = outcome.first() == Some(&dateline_store::WriteOutcome::Inserted);
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(json!({"id": id, "created": created, "events": events})),
    )
        .into_response())
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Json<Value> {
    Json(crate::openapi::document())
}

/// Any other path.
pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no such endpoint; see /api/openapi.json",
    )
}

async fn read_body(headers: &HeaderMap, body: Body) -> Result<DocumentBody, ApiError> {
    let bytes = axum::body::to_bytes(body, BODY_LIMIT).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {BODY_LIMIT} bytes"),
        )
    })?;
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| ApiError::bad_request(format!("the body is not UTF-8: {e}")))?;
    if is_json {
        serde_json::from_str(text).map_err(|e| {
            ApiError::bad_request(format!(
                "the JSON body does not fit {{text, title?, source?, url?, published?}}: {e}"
            ))
        })
    } else {
        Ok(DocumentBody {
            text: text.to_string(),
            title: None,
            source: None,
            url: None,
            published: None,
        })
    }
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

async fn analyze_blocking(body: DocumentBody) -> Result<Analysis, ApiError> {
    let mut meta = DocMeta {
        title: body.title,
        source: body.source,
        url: body.url,
        ..DocMeta::default()
    };
    if let Some(published) = body.published.as_deref().filter(|p| !p.trim().is_empty()) {
        let Some(date) = Published::parse(published.trim()) else {
            return Err(ApiError::bad_request(format!(
                "published {published:?}: expected YYYY-MM-DD or an RFC 3339 date-time"
            )));
        };
        meta.offer_published(date, PublishedFrom::Metadata);
    }
    let config = IngestConfig {
        max_doc_bytes: BODY_LIMIT,
        ..IngestConfig::default()
    };
    let mut doc = from_text(body.text, meta, Location::file("api"), &config)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    tokio::task::spawn_blocking(move || {
        pipeline().run(&mut doc);
        Analysis::from_doc(&doc, OutputOptions { tokens: false })
    })
    .await
    .map_err(ApiError::internal)
}
