//! The HTTP service (`perftarget serve`, feature `serve`), run as a process
//! on a free loopback port: every endpoint answers what the CLI prints for
//! the same input, bad input is answered, slow clients are cut off, answers
//! stay identical under concurrency, SIGTERM stops it gracefully, and the
//! README's client snippets work as written.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_perftarget"))
}

/// A server process, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    log: BufReader<std::process::ChildStderr>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = bin()
            .args(["serve", "--port", "0"])
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut log = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        log.read_line(&mut line).unwrap();
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { child, port, log }
    }

    fn connect(&self) -> TcpStream {
        let s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s
    }

    fn get(&self, path: &str) -> Answer {
        self.send(&request("GET", path, None, b""))
    }

    fn post(&self, path: &str, media_type: &str, body: &[u8]) -> Answer {
        self.send(&request("POST", path, Some(media_type), body))
    }

    /// Sends raw request bytes on a new connection and reads the answer.
    fn send(&self, raw: &[u8]) -> Answer {
        let mut s = self.connect();
        s.write_all(raw).unwrap();
        read_answer(&mut s)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn request(method: &str, path: &str, media_type: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(t) = media_type {
        head.push_str(&format!("Content-Type: {t}\r\n"));
    }
    head.push_str("\r\n");
    [head.as_bytes(), body].concat()
}

#[derive(Debug)]
struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The code of a report's only error.
    fn error_code(&self) -> String {
        let v = self.json();
        assert_eq!(
            v["errors"].as_array().map(Vec::len),
            Some(1),
            "{}",
            self.body
        );
        v["errors"][0]["code"].as_str().unwrap().to_string()
    }
}

/// Reads one answer from a connection the server closes after it.
fn read_answer(s: &mut TcpStream) -> Answer {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (headers, body) = text
        .split_once("\r\n\r\n")
        .unwrap_or_else(|| panic!("no answer: {text:?}"));
    let status = headers[9..12].parse().unwrap();
    Answer {
        status,
        headers: headers.to_string(),
        body: body.to_string(),
    }
}

/// What `perftarget ARGS…` prints on standard output.
fn cli(args: &[&std::ffi::OsStr]) -> String {
    String::from_utf8(bin().args(args).output().unwrap().stdout).unwrap()
}

fn largest_fixture() -> std::path::PathBuf {
    common::fixtures()
        .into_iter()
        .max_by_key(|f| std::fs::metadata(f).unwrap().len())
        .unwrap()
}

#[test]
fn validate_answers_what_the_cli_prints_for_every_fixture() {
    let files = common::fixtures();
    let mut args = vec![std::ffi::OsStr::new("check"), "--json".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let cli_out = cli(&args);
    let lines: Vec<&str> = cli_out.lines().collect();
    assert_eq!(lines.len(), files.len());
    let server = Server::start(&[]);
    for (file, line) in files.iter().zip(&lines) {
        let answer = server.post(
            "/v1/validate",
            "application/json",
            &std::fs::read(file).unwrap(),
        );
        assert_eq!(answer.status, 200, "{}", file.display());
        assert_eq!(answer.header("content-type"), Some("application/json"));
        assert_eq!(answer.body, format!("{line}\n"), "{}", file.display());
        let snapshot = common::root()
            .join("tests/expected")
            .join(file.file_name().unwrap());
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(snapshot).unwrap()).unwrap();
        assert_eq!(answer.json(), expected, "{}", file.display());
    }
    // Parameters of the media type are allowed, its case is not significant.
    let file = &files[0];
    let answer = server.post(
        "/v1/validate",
        "Application/JSON; charset=utf-8",
        &std::fs::read(file).unwrap(),
    );
    assert_eq!(answer.body, format!("{}\n", lines[0]));
}

#[test]
fn batch_answers_one_report_per_line() {
    let files = common::fixtures();
    // A pretty-printed form on one line: newlines between tokens become spaces.
    let one_line = |f: &Path| {
        std::fs::read_to_string(f)
            .unwrap()
            .replace(['\r', '\n'], " ")
    };
    let mut body: String = files.iter().map(|f| one_line(f) + "\n").collect();
    let mut args = vec![std::ffi::OsStr::new("check"), "--json".as_ref()];
    args.extend(files.iter().map(|f| f.as_os_str()));
    let want = cli(&args);
    let server = Server::start(&[]);
    let answer = server.post(
        "/v1/validate-batch",
        "application/x-ndjson",
        body.as_bytes(),
    );
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(answer.body, want);

    // CRLF line ends, a blank line and no final newline: line n answers line n.
    body = format!("{}\r\n\r\n{{", one_line(&files[0]));
    let answer = server.post(
        "/v1/validate-batch",
        "application/x-ndjson",
        body.as_bytes(),
    );
    let lines: Vec<&str> = answer.body.lines().collect();
    assert_eq!(lines.len(), 3, "{}", answer.body);
    assert_eq!(lines[0], want.lines().next().unwrap());
    assert!(lines[1].contains("JSON_SYNTAX") && lines[2].contains("JSON_SYNTAX"));

    let too_many = "{}\n".repeat(perftarget::service::limits::MAX_BATCH_FORMS + 1);
    let answer = server.post(
        "/v1/validate-batch",
        "application/x-ndjson",
        too_many.as_bytes(),
    );
    assert_eq!(answer.status, 413);
    assert_eq!(answer.error_code(), "INPUT_TOO_LARGE");
    let answer = server.post("/v1/validate-batch", "application/json", b"{}\n");
    assert_eq!(answer.status, 415);
}

#[test]
fn normalise_answers_what_the_cli_prints() {
    let server = Server::start(&[]);
    let targets = common::seed_targets();
    let mut years: Vec<i32> = targets.iter().map(|(_, y)| *y).collect();
    years.sort_unstable();
    years.dedup();
    for year in years {
        let texts: Vec<&str> = targets
            .iter()
            .filter(|(_, y)| *y == year)
            .map(|(t, _)| t.as_str())
            .collect();
        let year_arg = year.to_string();
        let mut args = vec![
            std::ffi::OsStr::new("normalise"),
            "--json".as_ref(),
            "--year".as_ref(),
            year_arg.as_ref(),
            "--".as_ref(),
        ];
        args.extend(texts.iter().map(std::ffi::OsStr::new));
        let out = cli(&args);
        for (text, line) in texts.iter().zip(out.lines()) {
            let body = serde_json::json!({ "text": text, "context": { "year": year } });
            let answer = server.post(
                "/v1/normalise",
                "application/json",
                body.to_string().as_bytes(),
            );
            assert_eq!(answer.status, 200, "{text}");
            assert_eq!(answer.body, format!("{line}\n"), "{text}");
        }
    }
}

#[test]
fn normalise_reads_the_context_as_the_browser_does() {
    let server = Server::start(&[]);
    let target = |ctx: perftarget::Context| {
        serde_json::to_string(&perftarget::normalise("11月底前完成", &ctx)).unwrap() + "\n"
    };
    let year = |y| perftarget::Context {
        year: Some(y),
        ..Default::default()
    };
    let named = perftarget::Context {
        year: Some(2024),
        name: Some("满意度".into()),
        ..Default::default()
    };
    for (context, want) in [
        (r#"{"year": 2024}"#, target(year(2024))),
        (r#"{"year": 2024.0}"#, target(year(2024))),
        (r#"{"year": "2024"}"#, target(Default::default())),
        (r#"{"year": 1800}"#, target(Default::default())),
        (r#"{"year": 2024.5}"#, target(Default::default())),
        (r#"{"year": 2024, "name": "满意度"}"#, target(named.clone())),
        (r#"{"year": 2024, "name": 7}"#, target(year(2024))),
        // Deeper than the browser reads texts: the year alone counts.
        (
            r#"{"year": 2024, "name": "满意度", "x": [[[[1]]]]}"#,
            target(year(2024)),
        ),
        (
            r#"{"year": 2024, "name": "满意度", "x": [[[1]]]}"#,
            target(named),
        ),
        ("null", target(Default::default())),
        ("[2024]", target(Default::default())),
    ] {
        let body = format!(r#"{{"text": "11月底前完成", "context": {context}}}"#);
        let answer = server.post("/v1/normalise", "application/json", body.as_bytes());
        assert_eq!(answer.body, want, "{context}");
    }
    let answer = server.post("/v1/normalise", "application/json", br#"{"text": 90}"#);
    assert_eq!(
        (answer.status, answer.error_code()),
        (400, "SCHEMA_TYPE".into())
    );
    let answer = server.post("/v1/normalise", "application/json", br#"{"text": "#);
    assert_eq!(
        (answer.status, answer.error_code()),
        (400, "JSON_SYNTAX".into())
    );
    assert_eq!(
        server.post("/v1/normalise", "text/plain", b"90%").status,
        415
    );
}

#[test]
fn check_indicator_answers_what_the_library_reports_for_every_row() {
    let server = Server::start(&[]);
    let mut rows = 0;
    for f in common::fixtures() {
        let form: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        for (index, row) in form["indicators"].as_array().unwrap().iter().enumerate() {
            let mut context = form.clone();
            context["index"] = index.into();
            let body = serde_json::json!({ "row": row, "context": context }).to_string();
            let want = perftarget::check_indicator_json(&row.to_string(), &context.to_string());
            let answer = server.post("/v1/check-indicator", "application/json", body.as_bytes());
            assert_eq!(answer.status, 200);
            assert_eq!(
                answer.body,
                serde_json::to_string(&want).unwrap() + "\n",
                "{} row {index}",
                f.display()
            );
            rows += 1;
        }
    }
    assert!(rows > 300, "{rows} rows");
    // A row or context that is absent or not an object reads as empty.
    let empty = serde_json::to_string(&perftarget::check_indicator_json("", "")).unwrap() + "\n";
    for body in ["{}", r#"{"row": 1, "context": "x"}"#, "[]"] {
        let answer = server.post("/v1/check-indicator", "application/json", body.as_bytes());
        assert_eq!((answer.status, answer.body), (200, empty.clone()), "{body}");
    }
    let answer = server.post("/v1/check-indicator", "application/json", b"{\"row\": ");
    assert_eq!(
        (answer.status, answer.error_code()),
        (400, "JSON_SYNTAX".into())
    );
    assert_eq!(
        server
            .post("/v1/check-indicator", "text/plain", b"{}")
            .status,
        415
    );
}

#[test]
fn rules_templates_and_health() {
    let server = Server::start(&[]);
    let rules = server.get("/v1/rules");
    assert_eq!(rules.status, 200);
    assert_eq!(rules.body, cli(&["rules".as_ref(), "--json".as_ref()]));

    // What templates() returns in JavaScript: the same serialisation.
    let templates = server.get("/v1/templates");
    assert_eq!(templates.status, 200);
    assert_eq!(
        templates.body,
        serde_json::to_string(perftarget::templates()).unwrap() + "\n"
    );
    let templates = templates.json();
    let mut ids: Vec<&str> = templates
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["AH2025", "HNFP2018", "MOF2021", "NDRC2023", "SC2021", "T2019", "T2020", "T2021"]
    );
    // Every fixture is checked against a listed template.
    for f in common::fixtures() {
        let r = perftarget::validate_json(&std::fs::read_to_string(&f).unwrap());
        assert!(ids.contains(&r.template.unwrap()), "{}", f.display());
    }

    let health = server.get("/v1/health");
    assert_eq!(
        (health.status, &health.json()["status"]),
        (200, &serde_json::json!("ok"))
    );
}

fn openapi() -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(common::root().join("schema/openapi.json")).unwrap(),
    )
    .unwrap()
}

#[test]
fn openapi_is_served_as_committed_and_documents_every_route() {
    let server = Server::start(&[]);
    let committed = std::fs::read_to_string(common::root().join("schema/openapi.json")).unwrap();
    assert_eq!(server.get("/v1/openapi.json").body, committed);
    let schema = std::fs::read_to_string(common::root().join("schema/form.schema.json")).unwrap();
    assert_eq!(server.get("/v1/form.schema.json").body, schema);

    let doc = openapi();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.push((method.clone(), path.clone()));
        }
    }
    let mut routed: Vec<(String, String)> = perftarget::service::endpoints()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    documented.sort();
    routed.sort();
    assert_eq!(documented, routed);
    // Every route answers; a documented path with another method is a 405.
    for (method, path) in &routed {
        let other = if method == "get" { "POST" } else { "GET" };
        let answer = server.send(&request(other, path, Some("application/json"), b"{}"));
        assert_eq!(answer.status, 405, "{other} {path}");
        assert!(answer.header("allow").is_some(), "{other} {path}");
    }

    // The bounds the document states are the service's.
    use perftarget::service::limits;
    let info = doc["info"]["description"].as_str().unwrap();
    for bound in [
        limits::MAX_BODY_BYTES,
        limits::MAX_BATCH_BYTES,
        limits::MAX_BATCH_FORMS,
        limits::MAX_IN_FLIGHT,
        limits::MAX_CONNECTIONS,
    ] {
        assert!(
            info.contains(&format!(" {bound} ")),
            "{bound} not in info.description"
        );
    }
    assert!(info.contains(&format!(" {} s ", limits::REQUEST_TIMEOUT.as_secs())));
}

/// The documented properties of a component schema.
fn documented_keys(name: &str) -> Vec<String> {
    let doc = openapi();
    let schema = &doc["components"]["schemas"][name];
    let mut keys: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn answers_have_the_documented_shape() {
    let server = Server::start(&[]);
    let broken =
        common::root().join("tests/fixtures/003-08-2023年住院医师规范化培训(工作经费).json");
    let report = server
        .post(
            "/v1/validate",
            "application/json",
            &std::fs::read(broken).unwrap(),
        )
        .json();
    assert_eq!(keys(&report), documented_keys("Report"));
    assert_eq!(keys(&report["errors"][0]), documented_keys("Issue"));
    let target = server
        .post(
            "/v1/normalise",
            "application/json",
            r#"{"text": "=1.50(万人次)"}"#.as_bytes(),
        )
        .json();
    assert_eq!(keys(&target), documented_keys("Target"));
    assert_eq!(keys(&target["system"]), documented_keys("SystemTarget"));
    let target = server
        .post(
            "/v1/normalise",
            "application/json",
            r#"{"text": "≥**%"}"#.as_bytes(),
        )
        .json();
    assert_eq!(
        keys(&target["diagnostics"][0]),
        documented_keys("Diagnostic")
    );
    assert_eq!(
        keys(&server.get("/v1/rules").json()[0]),
        documented_keys("Rule")
    );
    assert_eq!(
        keys(&server.get("/v1/templates").json()[0]),
        documented_keys("Template")
    );
    let row = server
        .post(
            "/v1/check-indicator",
            "application/json",
            r#"{"row": {"name": "及时率", "target": "≥100%"}}"#.as_bytes(),
        )
        .json();
    assert_eq!(keys(&row), documented_keys("RowReport"));
    assert_eq!(
        keys(&server.get("/v1/health").json()),
        documented_keys("Health")
    );
    assert_eq!(
        keys(&server.get("/nowhere").json()),
        documented_keys("Problem")
    );
}

#[test]
fn bad_requests_are_answered() {
    use perftarget::service::limits::MAX_BODY_BYTES;
    let server = Server::start(&[]);
    // Over the bound, declared: answered at once with a report.
    let big = vec![b' '; MAX_BODY_BYTES + 1];
    let answer = server.post("/v1/validate", "application/json", &big);
    assert_eq!(
        (answer.status, answer.error_code()),
        (413, "INPUT_TOO_LARGE".into())
    );
    // Over the bound, chunked without a length: cut off while it arrives.
    let mut s = server.connect();
    s.write_all(
        b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
          Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
    )
    .unwrap();
    let chunk = vec![b' '; 64 * 1024];
    for _ in 0..(MAX_BODY_BYTES / chunk.len() + 1) {
        // The server may answer and close before the last chunk.
        if s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .is_err()
            || s.write_all(&chunk).is_err()
            || s.write_all(b"\r\n").is_err()
        {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n");
    let answer = read_answer(&mut s);
    assert_eq!(
        (answer.status, answer.error_code()),
        (413, "INPUT_TOO_LARGE".into())
    );
    // At the bound: read and checked as a form would be by the library.
    let mut at = b"{\"template\": \"T2021\"}".to_vec();
    at.resize(MAX_BODY_BYTES, b' ');
    let answer = server.post("/v1/validate", "application/json", &at);
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        serde_json::to_string(&perftarget::validate_json(
            std::str::from_utf8(&at).unwrap()
        ))
        .unwrap()
            + "\n"
    );

    let form = std::fs::read(largest_fixture()).unwrap();
    for media_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
    ] {
        let answer = server.send(&request("POST", "/v1/validate", media_type, &form));
        assert_eq!(answer.status, 415, "{media_type:?}");
        assert_eq!(
            answer.header("content-type"),
            Some("application/problem+json")
        );
    }
    let answer = server.post("/v1/validate", "application/json", b"{ \"year\": 2024,");
    assert_eq!(answer.status, 400);
    assert_eq!(
        answer.body,
        serde_json::to_string(&perftarget::validate_json("{ \"year\": 2024,")).unwrap() + "\n"
    );
    let answer = server.post(
        "/v1/validate",
        "application/json",
        b"{\"projectName\": \"\xff\"}",
    );
    assert_eq!(
        (answer.status, answer.error_code()),
        (400, "JSON_SYNTAX".into())
    );
    let answer = server.post("/v1/validate", "application/json", b"[1]");
    assert_eq!(
        (answer.status, answer.error_code()),
        (400, "SCHEMA_TYPE".into())
    );
    let answer = server.get("/v2/validate");
    assert_eq!(answer.status, 404);
    assert_eq!(answer.json()["status"], 404);
    let answer = server.get("/v1/validate");
    assert_eq!((answer.status, answer.header("allow")), (405, Some("POST")));
}

#[test]
fn slow_clients_are_cut_off() {
    let server = Server::start(&["--timeout", "1"]);
    let started = Instant::now();
    // A body that never arrives in full: 408.
    let mut body = server.connect();
    body.write_all(
        b"POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
          Content-Length: 100\r\n\r\n{\"year\"",
    )
    .unwrap();
    // Headers that never end: the connection is closed.
    let mut headers = server.connect();
    headers
        .write_all(b"POST /v1/validate HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    assert_eq!(read_answer(&mut body).status, 408);
    let mut rest = Vec::new();
    let _ = headers.read_to_end(&mut rest);
    assert!(!String::from_utf8_lossy(&rest).starts_with("HTTP/1.1 2"));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    // The server still answers.
    assert_eq!(server.get("/v1/health").status, 200);
}

/// Opens requests whose bodies never finish arriving, and gives the server
/// time to start handling them.
fn hold(server: &Server, path: &str, media_type: &str, count: usize) -> Vec<TcpStream> {
    let held = (0..count)
        .map(|_| hold_one(server, path, media_type))
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    held
}

fn hold_one(server: &Server, path: &str, media_type: &str) -> TcpStream {
    let mut s = server.connect();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: {media_type}\r\n\
         Content-Length: 3\r\n\r\n{{"
    );
    s.write_all(head.as_bytes()).unwrap();
    s
}

/// Whether an answer arrives on `s` within half a second.
fn answered_soon(s: &mut TcpStream) -> bool {
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let answered = s.peek(&mut [0]).is_ok();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    answered
}

#[test]
fn requests_and_batches_in_progress_are_bounded() {
    use perftarget::service::limits::{BATCHES_AT_ONCE, MAX_IN_FLIGHT};
    let server = Server::start(&[]);
    let ndjson = "application/x-ndjson";
    let mut held = hold(&server, "/v1/validate-batch", ndjson, BATCHES_AT_ONCE);
    let mut waiting = server.connect();
    waiting
        .write_all(&request(
            "POST",
            "/v1/validate-batch",
            Some(ndjson),
            b"{}\n",
        ))
        .unwrap();
    assert!(!answered_soon(&mut waiting), "a batch beyond the bound ran");
    // Other requests are not held up by waiting batches.
    assert_eq!(server.get("/v1/health").status, 200);
    held[0].write_all(b"}\n").unwrap();
    assert_eq!(read_answer(&mut held[0]).status, 200);
    assert_eq!(read_answer(&mut waiting).status, 200);
    drop(held);

    let held = hold(&server, "/v1/validate", "application/json", MAX_IN_FLIGHT);
    let mut waiting = server.connect();
    waiting
        .write_all(&request("GET", "/v1/health", None, b""))
        .unwrap();
    assert!(
        !answered_soon(&mut waiting),
        "a request beyond the bound ran"
    );
    drop(held);
    assert_eq!(read_answer(&mut waiting).status, 200);
}

#[test]
fn two_hundred_parallel_requests_all_get_the_cli_answer() {
    let file = largest_fixture();
    let want = cli(&["check".as_ref(), "--json".as_ref(), file.as_os_str()]);
    let form = std::fs::read(&file).unwrap();
    let server = Server::start(&[]);
    let raw = request("POST", "/v1/validate", Some("application/json"), &form);
    let answers: Vec<Answer> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..200)
            .map(|_| scope.spawn(|| server.send(&raw)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for a in answers {
        assert_eq!(a.status, 200);
        assert!(a.body == want, "an answer differs from the CLI's");
    }
}

#[test]
fn sigterm_answers_the_requests_in_progress_then_stops() {
    let mut server = Server::start(&[]);
    let form = std::fs::read(largest_fixture()).unwrap();
    let (head, tail) = form.split_at(form.len() / 2);
    let mut s = server.connect();
    s.write_all(
        format!(
            "POST /v1/validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n",
            form.len()
        )
        .as_bytes(),
    )
    .unwrap();
    s.write_all(head).unwrap();
    // Half a form is in flight when the signal comes.
    std::thread::sleep(Duration::from_millis(200));
    let status = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut line = String::new();
    server.log.read_line(&mut line).unwrap();
    assert!(line.contains("stopping"), "{line}");
    s.write_all(tail).unwrap();
    let answer = read_answer(&mut s);
    assert_eq!(answer.status, 200);
    assert_eq!(
        answer.body,
        cli(&[
            "check".as_ref(),
            "--json".as_ref(),
            largest_fixture().as_os_str()
        ])
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = server.child.try_wait().unwrap() {
            break exit;
        }
        assert!(
            Instant::now() < deadline,
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(exit.success(), "{exit:?}");
    assert!(TcpStream::connect(("127.0.0.1", server.port)).is_err());
}

/// The README's first code block in `lang` containing `needle` after the
/// HTTP service heading, with the documented port replaced by the test server's.
fn readme_snippet(lang: &str, needle: &str, port: u16) -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = &readme[readme.find("\n## HTTP service").unwrap()..];
    let fence = format!("\n```{lang}\n");
    let block = section
        .match_indices(&fence)
        .map(|(at, _)| {
            let block = &section[at + fence.len()..];
            &block[..block.find("\n```").unwrap() + 1]
        })
        .find(|block| block.contains(needle))
        .unwrap_or_else(|| panic!("no {lang} block with {needle} in the README"));
    block.replace("127.0.0.1:8787", &format!("127.0.0.1:{port}"))
}

#[test]
fn readme_curl_snippet_runs_as_written() {
    let server = Server::start(&[]);
    let snippet = readme_snippet("sh", "curl", server.port);
    let out = Command::new("sh")
        .arg("-c")
        .arg(&snippet)
        .current_dir(common::root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let form = common::root().join("tests/fixtures/002-04-65岁以上老人定期体检.json");
    let want = cli(&["check".as_ref(), "--json".as_ref(), form.as_os_str()])
        + &cli(&[
            "normalise".as_ref(),
            "--json".as_ref(),
            "--year".as_ref(),
            "2024".as_ref(),
            "不低于90%".as_ref(),
        ]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
}

/// Runs the README's `lang` snippet (the block containing `needle`) saved as
/// `file` with `program`, on `form`; None when `program` is not installed.
fn run_snippet(
    lang: &str,
    needle: &str,
    file: &str,
    program: &str,
    form: &Path,
) -> Option<std::process::Output> {
    if Command::new(program).arg("--version").output().is_err() {
        eprintln!("{program} not installed: README {lang} snippet not run");
        return None;
    }
    let server = Server::start(&[]);
    let dir = std::env::temp_dir().join(format!("perftarget-{lang}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join(file);
    std::fs::write(&source, readme_snippet(lang, needle, server.port)).unwrap();
    let out = Command::new(program)
        .arg(&source)
        .arg(form)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    Some(out)
}

#[test]
fn readme_python_snippet_runs_as_written() {
    let form = common::root().join("tests/fixtures/002-10-普陀区公共卫生应急指挥平台建设项目.json");
    let Some(out) = run_snippet("python", "urllib", "validate.py", "python3", &form) else {
        return;
    };
    let report = perftarget::validate_json(&std::fs::read_to_string(&form).unwrap());
    let want: String = report
        .errors
        .iter()
        .chain(&report.warnings)
        .map(|i| {
            let sev = serde_json::to_value(i.severity).unwrap();
            let sev = sev.as_str().unwrap();
            format!("{sev}\t{}\t{}\t{}\n", i.code, i.path, i.message)
        })
        .collect();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{stderr}");
    assert_eq!(out.status.code(), Some(if report.valid { 0 } else { 1 }));
}

#[test]
fn readme_java_snippet_runs_as_written() {
    let form = largest_fixture();
    let Some(out) = run_snippet("java", "HttpClient", "Validate.java", "java", &form) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        cli(&["check".as_ref(), "--json".as_ref(), form.as_os_str()])
    );
}
