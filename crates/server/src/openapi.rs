//! The OpenAPI 3.1 description of the API, served at `/api/openapi.json`. Written by hand
//! beside the handlers (and checked against the router by a test) to avoid a macro framework.

use serde_json::{json, Map, Value};

/// Every documented path with its methods, for the test that holds the router to it.
pub const PATHS: [(&str, &str); 14] = [
    ("/api/health", "get"),
    ("/api/stats", "get"),
    ("/api/events", "get"),
    ("/api/timeline", "get"),
    ("/api/network", "get"),
    ("/api/quotes", "get"),
    ("/api/actors", "get"),
    ("/api/places", "get"),
    ("/api/search", "get"),
    ("/api/documents", "get"),
    ("/api/documents", "post"),
    ("/api/documents/{id}", "get"),
    ("/api/analyze", "post"),
    ("/api/openapi.json", "get"),
];

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

fn string() -> Value {
    json!({"type": "string"})
}

fn date() -> Value {
    json!({"type": "string", "format": "date"})
}

fn event_filters() -> Vec<Value> {
    vec![
        query(
            "actor",
            "Words of an actor's name, its code (RUSGOV) or country (UKR), as source or target; all must match",
            string(),
        ),
        query(
            "type",
            "PLOVER event type",
            json!({"type": "string", "enum": dateline_store::query::EVENT_TYPES}),
        ),
        query("from", "First day, inclusive", date()),
        query("to", "Last day, inclusive", date()),
        query(
            "place",
            "Words of the place name, or its country code",
            string(),
        ),
        query(
            "source",
            "Words of the document's publisher or agency",
            string(),
        ),
        query("text", "Words in the event's sentence", string()),
        query("doc", "One document's id", string()),
    ]
}

fn paging(default: u32) -> Vec<Value> {
    vec![
        query(
            "limit",
            "Rows per page",
            json!({"type": "integer", "minimum": 1, "maximum": crate::params::MAX_LIMIT, "default": default}),
        ),
        query(
            "offset",
            "Rows to skip",
            json!({"type": "integer", "minimum": 0, "default": 0}),
        ),
    ]
}

fn ok(description: &str, schema: Value) -> Value {
    json!({
        "200": {"description": description, "content": {"application/json": {"schema": schema}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "503": {"$ref": "#/components/responses/Unavailable"}
    })
}

fn get(summary: &str, parameters: Vec<Value>, responses: Value) -> Value {
    json!({"get": {"summary": summary, "parameters": parameters, "responses": responses}})
}

fn object() -> Value {
    json!({"type": "object"})
}

fn page_of(item: &str) -> Value {
    json!({"type": "object", "required": ["total", "limit", "offset", "items"], "properties": {
        "total": {"type": "integer", "description": "Matches; for events at most 10000"},
        "total_exact": {"type": "boolean", "description": "false when counting stopped at the cap"},
        "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "items": {"type": "array", "items": {"$ref": format!("#/components/schemas/{item}")}}
    }})
}

fn items_of(item: Value) -> Value {
    json!({"type": "object", "properties": {"items": {"type": "array", "items": item}}})
}

fn document_body() -> Value {
    json!({"required": true, "content": {
        "text/plain": {"schema": {"type": "string"}},
        "application/json": {"schema": {"type": "object", "required": ["text"], "additionalProperties": false, "properties": {
            "text": {"type": "string"}, "title": {"type": "string"}, "source": {"type": "string"},
            "url": {"type": "string"}, "published": {"type": "string", "description": "YYYY-MM-DD or RFC 3339"}
        }}}
    }})
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut paths = Map::new();
    let mut events = event_filters();
    events.extend(paging(50));
    paths.insert(
        "/api/health".into(),
        get("Liveness", vec![], ok("Up", object())),
    );
    paths.insert(
        "/api/stats".into(),
        get(
            "Counts over the store",
            vec![],
            ok("Counts", json!({"$ref": "#/components/schemas/Stats"})),
        ),
    );
    paths.insert(
        "/api/events".into(),
        get(
            "Events, filtered, newest day first",
            events,
            ok("A page of events", page_of("Event")),
        ),
    );
    paths.insert("/api/timeline".into(), get("Events per day and type", event_filters(), ok("Bins", items_of(json!({"type": "object", "properties": {"day": date(), "type": string(), "count": {"type": "integer"}}})))));
    let mut network = event_filters();
    network.push(query("limit", "Most actors shown", json!({"type": "integer", "minimum": 1, "maximum": crate::params::MAX_LIMIT, "default": 60})));
    paths.insert("/api/network".into(), get("Who acts on whom", network, ok("Nodes and edges", json!({"type": "object", "properties": {"nodes": {"type": "array"}, "edges": {"type": "array"}}}))));
    let mut quotes = vec![
        query("speaker", "Words of the speaker's name", string()),
        query("text", "Words in the quote", string()),
        query("doc", "One document's id", string()),
        query(
            "kind",
            "direct, partial or indirect",
            json!({"type": "string", "enum": ["direct", "partial", "indirect"]}),
        ),
    ];
    quotes.extend(paging(50));
    paths.insert(
        "/api/quotes".into(),
        get(
            "Quotes with their speakers",
            quotes,
            ok("A page of quotes", page_of("Quote")),
        ),
    );
    let mut actors = vec![query("name", "Part of the name or code", string())];
    actors.extend(paging(50));
    paths.insert(
        "/api/actors".into(),
        get(
            "Actors by documents naming them",
            actors,
            ok("Actors", items_of(object())),
        ),
    );
    paths.insert(
        "/api/places".into(),
        get(
            "Places by events and mentions",
            paging(200),
            ok("Places", items_of(object())),
        ),
    );
    paths.insert("/api/search".into(), get("Full-text search over texts and quotes (words, all required)", vec![
        json!({"name": "q", "in": "query", "required": true, "schema": string()}),
        query("limit", "Hits per kind", json!({"type": "integer", "minimum": 1, "maximum": crate::params::MAX_LIMIT, "default": 20})),
    ], ok("Hits", items_of(object()))));
    let mut documents = get(
        "Documents, newest first",
        paging(50),
        ok("A page of documents", page_of("DocumentSummary")),
    );
    documents["post"] = json!({
        "summary": "Analyze and store a document (needs the token)",
        "security": [{"bearer": []}],
        "requestBody": document_body(),
        "responses": {
            "201": {"description": "Stored", "content": {"application/json": {"schema": object()}}},
            "200": {"description": "Already stored", "content": {"application/json": {"schema": object()}}},
            "400": {"$ref": "#/components/responses/BadRequest"},
            "401": {"$ref": "#/components/responses/BadRequest"},
            "403": {"$ref": "#/components/responses/BadRequest"},
            "413": {"$ref": "#/components/responses/BadRequest"}
        }
    });
    paths.insert("/api/documents".into(), documents);
    let mut one = ok(
        "The analysis (dateline.analysis/1)",
        json!({"$ref": "#/components/schemas/Analysis"}),
    );
    one["404"] = json!({"$ref": "#/components/responses/BadRequest"});
    paths.insert(
        "/api/documents/{id}".into(),
        json!({"get": {
            "summary": "One document's analysis, by id or unique prefix",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": string()}],
            "responses": one
        }}),
    );
    paths.insert("/api/analyze".into(), json!({"post": {
        "summary": "Analyze a text without storing it",
        "requestBody": document_body(),
        "responses": {
            "200": {"description": "The analysis", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Analysis"}}}},
            "400": {"$ref": "#/components/responses/BadRequest"},
            "413": {"$ref": "#/components/responses/BadRequest"}
        }
    }}));
    paths.insert(
        "/api/openapi.json".into(),
        get("This document", vec![], ok("OpenAPI 3.1", object())),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Dateline API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Events, quotes, actors and places extracted from news, with the sentence and rule behind each. Errors are {\"error\": {\"status\", \"message\"}}."
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "responses": {
                "BadRequest": {"description": "A client error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "Unavailable": {"description": "Store missing or request too slow", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["status", "message"], "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}},
                "Stats": {"type": "object", "properties": {
                    "documents": {"type": "integer"}, "events": {"type": "integer"}, "quotes": {"type": "integer"},
                    "entities": {"type": "integer"}, "places": {"type": "integer"},
                    "by_type": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "first_day": {"type": ["string", "null"]}, "last_day": {"type": ["string", "null"]}
                }},
                "Event": {"type": "object", "required": ["doc_id", "id", "type", "polarity", "modality", "trigger", "sentence", "why"], "properties": {
                    "doc_id": string(), "id": string(), "type": string(), "cameo": {"type": ["string", "null"]},
                    "quad_class": {"type": ["integer", "null"]}, "goldstein": {"type": ["number", "null"]},
                    "day": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]},
                    "source": {"type": ["object", "null"]}, "target": {"type": ["object", "null"]}, "place": {"type": ["object", "null"]},
                    "polarity": string(), "modality": string(), "trigger": string(), "start": {"type": "integer"}, "end": {"type": "integer"},
                    "sentence": string(), "why": string(), "confidence": {"type": "number"}
                }},
                "Quote": {"type": "object", "required": ["doc_id", "id", "kind", "text"], "properties": {
                    "doc_id": string(), "id": string(), "kind": string(), "text": string(),
                    "speaker": {"type": ["string", "null"]}, "cue": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]}
                }},
                "DocumentSummary": {"type": "object", "required": ["id"], "properties": {
                    "id": string(), "title": {"type": ["string", "null"]}, "source": {"type": ["string", "null"]},
                    "published": {"type": ["string", "null"]}, "events": {"type": "integer"}, "quotes": {"type": "integer"}
                }},
                "Analysis": {"type": "object", "description": "The dateline.analysis/1 contract (docs/analysis-schema.md)", "required": ["schema", "document", "entities", "quotes", "times", "places", "events"]}
            }
        }
    })
}
