use super::*;

#[test]
fn a_list_or_an_object_cut_short_gives_what_was_read_before_the_cut() {
    assert_eq!(
        parse_list("[1, 2, {\"a\": 3}]"),
        (true, vec![1.into(), 2.into(), serde_json::json!({"a": 3})])
    );
    assert_eq!(
        parse_list("[1, 2, {\"a\": "),
        (false, vec![1.into(), 2.into()])
    );
    assert_eq!(parse_list("[1] trailing"), (false, vec![1.into()]));
    assert_eq!(parse_list("{}"), (false, vec![]));
    let (whole, map) = parse_object(r#"{"a": [1], "b": {"c": tru"#);
    assert!(!whole);
    assert_eq!(map.keys().collect::<Vec<_>>(), ["a"]);
    assert!(parse_object(r#"{"a": 1}"#).0);
}

#[test]
fn a_damaged_file_is_copied_aside_and_what_was_read_put_in_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("list.json");
    std::fs::write(&file, "[1, 2, {\"a\": 3").expect("write");
    let loaded = list(&file).expect("read");
    assert_eq!(loaded.value, vec![Value::from(1), Value::from(2)]);
    let aside = loaded.aside.expect("aside");
    assert_eq!(
        std::fs::read_to_string(&aside).expect("aside"),
        "[1, 2, {\"a\": 3"
    );
    assert_eq!(list(&file).expect("read").value.len(), 2);
    // Twice in the same second: another name, the first one kept.
    std::fs::write(&file, "[9,").expect("write");
    let second = list(&file).expect("read").aside.expect("aside");
    assert_ne!(second, aside);
    assert_eq!(
        std::fs::read_to_string(&aside).expect("aside"),
        "[1, 2, {\"a\": 3"
    );
    // Bytes that are not UTF-8: damaged too, kept as they were.
    std::fs::write(&file, b"[1, \"\xff\"]").expect("write");
    let third = list(&file).expect("read").aside.expect("aside");
    assert_eq!(std::fs::read(third).expect("aside"), b"[1, \"\xff\"]");
}

#[test]
fn a_missing_or_blank_file_is_empty_and_nothing_is_kept_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("o.json");
    assert_eq!(object(&file).expect("read"), Loaded::default());
    std::fs::write(&file, "\n").expect("write");
    assert_eq!(object(&file).expect("read"), Loaded::default());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn what_is_not_a_plain_file_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().expect("temp dir");
    let e = store::read_bytes(dir.path()).expect_err("a folder");
    assert!(e.to_string().contains("not a plain file"), "{e}");
    let e = store::read_bytes(Path::new("/dev/zero")).expect_err("a device");
    assert!(e.to_string().contains("not a plain file"), "{e}");
}
