//! Load on `perftarget serve` over loopback (bench/serve-load.sh runs it): a
//! closed loop of 1, 16 and 64 clients, each on its own keep-alive
//! connection, posting one form to /v1/validate for a fixed time; then a soak
//! at 16 clients watching the server's memory. Every answer is compared with
//! the CLI's report for the form. A benchmark, not a test: bounded in time,
//! it prints a Markdown table and exits 1 only if an answer was wrong.
//!
//! usage: serve_load SERVER_BINARY FORM.json [SECONDS_PER_LEVEL] [SOAK_SECONDS]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    // cargo bench passes --bench; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [server, form, rest @ ..] = args.as_slice() else {
        eprintln!("usage: serve_load SERVER_BINARY FORM.json [SECONDS_PER_LEVEL] [SOAK_SECONDS]");
        std::process::exit(2);
    };
    let secs = |i: usize, default: u64| rest.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (level_secs, soak_secs) = (secs(0, 10), secs(1, 60));
    let body = std::fs::read(form).expect("form");
    let want = Command::new(server)
        .args(["check", "--json", form])
        .output()
        .expect("the CLI")
        .stdout;

    let mut child = Command::new(server)
        .args(["serve", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server");
    let mut log = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    log.read_line(&mut line).expect("listening line");
    let port: u16 = line
        .trim()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    let pid = child.id();
    let request = [
        format!(
            "POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes(),
        body,
    ]
    .concat();

    println!(
        "form: {form} ({} bytes); {} s per level after 2 s of warm-up; server and client share the machine's {} cores",
        request.len(),
        level_secs,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!();
    println!("| clients | requests/s | p50 ms | p99 ms | max ms | errors | server RSS before → after (MiB) |");
    println!("|---:|---:|---:|---:|---:|---:|---|");
    let mut wrong = 0;
    for clients in [1, 16, 64] {
        let _ = run(port, &request, &want, clients, Duration::from_secs(2));
        let before = rss_kib(pid);
        let r = run(
            port,
            &request,
            &want,
            clients,
            Duration::from_secs(level_secs),
        );
        let after = rss_kib(pid);
        wrong += r.errors;
        println!(
            "| {clients} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {:.1} → {:.1} |",
            r.latencies.len() as f64 / r.elapsed.as_secs_f64(),
            ms(percentile(&r.latencies, 50)),
            ms(percentile(&r.latencies, 99)),
            ms(r.latencies.last().copied().unwrap_or_default()),
            r.errors,
            mib(before),
            mib(after)
        );
    }

    // Soak: 16 clients, the server's RSS sampled every 5 s.
    let soak_clients = 16;
    let started = Instant::now();
    let mut samples = vec![(0, rss_kib(pid))];
    let mut requests = 0;
    while started.elapsed() < Duration::from_secs(soak_secs) {
        let r = run(port, &request, &want, soak_clients, Duration::from_secs(5));
        wrong += r.errors;
        requests += r.latencies.len();
        samples.push((started.elapsed().as_secs(), rss_kib(pid)));
    }
    println!();
    println!(
        "soak: {soak_clients} clients for {} s, {requests} requests, {wrong} wrong answers in all; server RSS (MiB) by second:",
        started.elapsed().as_secs()
    );
    let row: Vec<String> = samples
        .iter()
        .map(|(s, kib)| format!("{s}: {:.1}", mib(*kib)))
        .collect();
    println!("{}", row.join(", "));

    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let status = child.wait().expect("server exit");
    println!("server stopped on SIGTERM: {status}");
    std::process::exit(i32::from(wrong > 0));
}

struct Run {
    latencies: Vec<Duration>,
    errors: usize,
    elapsed: Duration,
}

/// `clients` threads, each on one keep-alive connection, for `time`.
fn run(port: u16, request: &[u8], want: &[u8], clients: usize, time: Duration) -> Run {
    let started = Instant::now();
    let deadline = started + time;
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|_| scope.spawn(|| client(port, request, want, deadline)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    let elapsed = started.elapsed();
    let mut latencies: Vec<Duration> = results
        .iter()
        .flat_map(|(l, _)| l.iter().copied())
        .collect();
    latencies.sort_unstable();
    Run {
        latencies,
        errors: results.iter().map(|(_, e)| e).sum(),
        elapsed,
    }
}

fn client(port: u16, request: &[u8], want: &[u8], deadline: Instant) -> (Vec<Duration>, usize) {
    let (mut latencies, mut errors) = (Vec::new(), 0);
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("clone");
    let mut reader = BufReader::new(stream);
    let mut body = Vec::new();
    while Instant::now() < deadline {
        let sent = Instant::now();
        if writer.write_all(request).is_err() {
            return (latencies, errors + 1);
        }
        match answer(&mut reader, &mut body) {
            Some(200) if body == want => latencies.push(sent.elapsed()),
            Some(_) => errors += 1,
            None => return (latencies, errors + 1),
        }
    }
    (latencies, errors)
}

/// Reads one answer's status and body (the server always sends a length).
fn answer(reader: &mut BufReader<TcpStream>, body: &mut Vec<u8>) -> Option<u16> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let status = line.get(9..12)?.parse().ok()?;
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        if line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().ok()?;
            }
        }
    }
    body.resize(length, 0);
    reader.read_exact(body).ok()?;
    Some(status)
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Resident memory of a process, from /proc (0 where there is none).
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
