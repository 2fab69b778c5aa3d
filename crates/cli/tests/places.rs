//! Places on the reference article and `dateline eval geo` on a small gold fixture written for
//! the test.

mod common;

use common::{analyze_seed, dateline, stderr, stdout};

#[test]
fn the_seed_places_resolve() {
    let Some(analysis) = analyze_seed() else {
        return;
    };
    let places = analysis["places"].as_array().expect("places");
    let find = |text: &str| {
        places
            .iter()
            .find(|p| p["text"] == text)
            .unwrap_or_else(|| panic!("no place {text:?}"))
    };
    for (text, country, feature) in [
        ("Alaska", "USA", "admin1"),
        ("the White House", "USA", "landmark"),
        ("Moscow", "RUS", "city"),
        ("Geneva", "CHE", "city"),
        ("Budapest", "HUN", "city"),
        ("Kyiv", "UKR", "city"),
        ("Ukraine", "UKR", "country"),
        ("Switzerland", "CHE", "country"),
    ] {
        let place = find(text);
        assert_eq!(place["country"], country, "{text}");
        assert_eq!(place["feature"], feature, "{text}");
        assert!(
            place["lat"].is_number() && place["lon"].is_number(),
            "{text}"
        );
    }
    assert_eq!(find("Geneva")["geonameid"], 2660646);
}

#[test]
fn eval_geo_scores_a_small_geovirus_fixture() {
    let dir = std::env::temp_dir().join(format!("dateline-geo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xml = "<articles><article><source>test</source><text>Flooding hit Budapest and \
        Geneva on Monday.</text><locations>\
        <location><name>Budapest</name><start>13</start><end>21</end><lat>47.49835</lat>\
        <lon>19.04045</lon><page>x</page></location>\
        <location><name>Geneva</name><start>26</start><end>32</end><lat>46.20222</lat>\
        <lon>6.14569</lon><page>x</page></location>\
        </locations></article></articles>";
    let path = dir.join("geo.xml");
    std::fs::write(&path, xml).unwrap();
    let output = dateline(&["eval", "geo", "--gold", path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report
            .trim_end()
            .ends_with("geo recognition F1 1.0000 acc@161 1.0000 gold-span acc@161 1.0000"),
        "{report}"
    );
}
