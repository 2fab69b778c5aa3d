//! The HTTP API on loopback: answers, filters, the OpenAPI document against the routes, and
//! every kind of bad request answered 4xx with a JSON message, never 500.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;

use dateline_core::schema::{Analysis, OutputOptions};
use dateline_core::{content_id, DocMeta, Published, PublishedFrom};
use dateline_ingest::{from_text, IngestConfig, Location};
use dateline_nlp::pipeline::Pipeline;
use dateline_server::{serve, ServerConfig};
use dateline_store::{NewDocument, Store};
use serde_json::Value;

const TOKEN: &str = "test-token-123";

const ARTICLES: [(&str, &str); 3] = [
    ("2025-08-19", "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara on Monday. \"We discussed the war,\" Putin said."),
    ("2025-08-20", "Russian forces attacked the Ukrainian city of Kharkiv on Tuesday, officials said. Ukraine accused Russia of targeting civilians."),
    ("2025-08-21", "Ukrainian President Volodymyr Zelenskyy urged NATO to send more air defence systems. \"We need them now,\" he told reporters in Kyiv."),
];

/// A server over a store of three analyzed articles, started once for all tests.
fn server() -> SocketAddr {
    static ADDRESS: OnceLock<SocketAddr> = OnceLock::new();
    *ADDRESS.get_or_init(|| {
        let dir: PathBuf =
            std::env::temp_dir().join(format!("dateline-api-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("store.sqlite");
        let mut store = Store::open(&db).unwrap();
        let pipeline = Pipeline::new();
        let documents: Vec<NewDocument> = ARTICLES
            .iter()
            .map(|(date, text)| {
                let mut meta = DocMeta {
                    source: Some("Test Wire".into()),
                    ..DocMeta::default()
                };
                meta.offer_published(Published::parse(date).unwrap(), PublishedFrom::Metadata);
                let mut doc = from_text(
                    text.to_string(),
                    meta,
                    Location::file("test"),
                    &IngestConfig::default(),
                )
                .unwrap();
                pipeline.run(&mut doc);
                NewDocument {
                    id: content_id(text),
                    origin: "test".into(),
                    analysis: Analysis::from_doc(&doc, OutputOptions { tokens: false }),
                    pipeline: "test".into(),
                }
            })
            .collect();
        store.write_batch(&documents, false).unwrap();
        drop(store);
        let (sender, receiver) = std::sync::mpsc::channel();
        let config = ServerConfig {
            db,
            bind: "127.0.0.1:0".parse().unwrap(),
            token: Some(TOKEN.into()),
            pipeline_version: "test".into(),
        };
        std::thread::spawn(move || {
            serve(config, |address| sender.send(address).unwrap()).unwrap();
        });
        receiver.recv().unwrap()
    })
}

/// One HTTP/1.1 request; returns the status and the body.
fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut stream = TcpStream::connect(server()).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A server may answer before reading all of an oversized body and close.
    let _ = stream.write_all(body);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {response:?}"));
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get(path: &str) -> (u16, Value) {
    let (status, body) = request("GET", path, &[], b"");
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body:?}"));
    (status, json)
}

#[test]
fn reads_answer_with_filters_and_pages() {
    let (status, stats) = get("/api/stats");
    assert_eq!(status, 200);
    assert_eq!(stats["documents"], 3);
    let (_, all) = get("/api/events?limit=1000");
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 3, "{all}");
    let (_, assault) = get("/api/events?type=assault");
    assert!(assault["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "ASSAULT"));
    assert!(assault["total"].as_u64().unwrap() >= 1, "{assault}");
    let (_, putin) = get("/api/events?actor=Putin&from=2025-08-01&to=2025-08-31");
    for event in putin["items"].as_array().unwrap() {
        assert!(event.to_string().contains("Putin"), "{event}");
    }
    let (_, page) = get("/api/events?limit=1&offset=1");
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["total"].as_u64().unwrap(), total);
    let (_, quotes) = get("/api/quotes?speaker=putin");
    assert_eq!(quotes["items"][0]["speaker"], "Vladimir Putin", "{quotes}");
    let (_, search) = get("/api/search?q=Kharkiv");
    assert_eq!(search["items"][0]["kind"], "document");
    let (_, documents) = get("/api/documents");
    let id = documents["items"][0]["id"].as_str().unwrap().to_string();
    let (status, document) = get(&format!("/api/documents/{}", &id[..12]));
    assert_eq!(status, 200);
    assert_eq!(document["schema"], "dateline.analysis/1");
    for path in [
        "/api/timeline",
        "/api/network",
        "/api/actors?name=put",
        "/api/places",
        "/api/health",
    ] {
        assert_eq!(get(path).0, 200, "{path}");
    }
}

#[test]
fn openapi_documents_every_route() {
    let (status, openapi) = get("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(openapi["openapi"], "3.1.0");
    let paths = openapi["paths"].as_object().unwrap();
    for (path, method) in dateline_server::openapi::PATHS {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} undocumented"
        );
        // Every documented path is routed: an unrouted one would be the JSON 404 fallback.
        if method == "get" && !path.contains('{') {
            let (status, _) = request("GET", path, &[], b"");
            assert_ne!(status, 404, "{path} is documented but not routed");
        }
    }
    let documented: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(documented, dateline_server::openapi::PATHS.len());
}

#[test]
fn bad_requests_get_4xx_json_never_500() {
    // (path, status): bad input is 400, a missing thing 404; FTS5 syntax and SQL in filters
    // are plain text, so those requests succeed with whatever matches.
    let cases = [
        ("/api/events?from=2025-13-45", 400),
        ("/api/events?to=yesterday", 400),
        ("/api/events?type=PARTY", 400),
        ("/api/events?limit=100000", 400),
        ("/api/events?limit=-1", 400),
        ("/api/events?offset=abc", 400),
        ("/api/events?from=2025-09-01&to=2025-08-01", 400),
        ("/api/events?colour=red", 400),
        ("/api/events?type=AID&type=ASSAULT", 400),
        ("/api/search?q=", 400),
        ("/api/search", 400),
        ("/api/search?q=%22%20OR%20NEAR(*", 200),
        ("/api/quotes?kind=rumour", 400),
        ("/api/documents/zz", 400),
        ("/api/documents/ffffffffffffffff", 404),
        ("/api/nothing", 404),
        ("/api/events?actor=%27%3B%20DROP%20TABLE%20events%3B--", 200),
    ];
    for (path, expected) in cases {
        let (status, body) = request("GET", path, &[], b"");
        assert_eq!(status, expected, "{path}: {body}");
        let json: Value =
            serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
        if status >= 400 {
            let message = json["error"]["message"].as_str().unwrap();
            assert!(!message.is_empty(), "{path}");
            assert_eq!(json["error"]["status"], status);
        }
    }
    // The injection attempt was a plain string: the table is still there.
    assert_eq!(get("/api/stats").1["documents"], 3);
}

#[test]
fn writes_need_the_token_and_bodies_are_limited() {
    let text = "Germany pledged new aid to Ukraine on Thursday.";
    let before = get("/api/stats").1["documents"].as_u64().unwrap();
    let (status, body) = request("POST", "/api/documents", &[], text.as_bytes());
    assert_eq!(status, 401, "{body}");
    let (status, _) = request(
        "POST",
        "/api/documents",
        &[("Authorization", "Bearer wrong")],
        text.as_bytes(),
    );
    assert_eq!(status, 403);
    let auth = format!("Bearer {TOKEN}");
    let headers = [
        ("Authorization", auth.as_str()),
        ("Content-Type", "application/json"),
    ];
    let json =
        serde_json::json!({"text": text, "published": "2025-08-21", "source": "Test"}).to_string();
    let (status, body) = request("POST", "/api/documents", &headers, json.as_bytes());
    assert_eq!(status, 201, "{body}");
    // The cached answer from before the write is not served after it.
    assert_eq!(
        get("/api/stats").1["documents"].as_u64().unwrap(),
        before + 1
    );
    let (status, body) = request("POST", "/api/documents", &headers, json.as_bytes());
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"created\":false"), "{body}");
    let bad = serde_json::json!({"text": text, "published": "soon"}).to_string();
    assert_eq!(
        request("POST", "/api/documents", &headers, bad.as_bytes()).0,
        400
    );
    assert_eq!(
        request("POST", "/api/documents", &headers, b"{not json").0,
        400
    );
    let huge = vec![b'a'; dateline_server::BODY_LIMIT + 10];
    let (status, body) = request("POST", "/api/analyze", &[], &huge);
    assert_eq!(status, 413, "{body}");
    let (status, body) = request("POST", "/api/analyze", &[], b"   ");
    assert_eq!(status, 400, "{body}");
    let (status, body) = request("POST", "/api/analyze", &[], text.as_bytes());
    assert_eq!(status, 200, "{body}");
    let analysis: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(analysis["schema"], "dateline.analysis/1");
}

#[test]
fn the_ui_is_served_offline() {
    let (status, page) = request("GET", "/", &[], b"");
    assert_eq!(status, 200);
    assert!(page.contains("/assets/app.js"));
    assert!(
        !page.contains("https://"),
        "the page must not load anything from the network"
    );
    for asset in [
        "/assets/app.js",
        "/assets/app.css",
        "/assets/world-110m.json",
    ] {
        assert_eq!(request("GET", asset, &[], b"").0, 200, "{asset}");
    }
    assert_eq!(request("GET", "/assets/../Cargo.toml", &[], b"").0, 404);
}
