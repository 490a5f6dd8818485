//! Serving the router alone: a bounded number of connections and requests
//! in flight, a deadline for each request's headers and for the whole
//! request, and a graceful stop on SIGTERM or Ctrl-C (no new connections,
//! requests in progress answered, idle connections closed).

use super::limits;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore};
use tower_http::timeout::TimeoutLayer;

/// Where to listen and how long a request may take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Loopback by default: exposing the service is a deliberate choice.
    pub host: String,
    /// 0 asks the system for a free port (printed when listening).
    pub port: u16,
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            host: String::from("127.0.0.1"),
            port: 8787,
            timeout: limits::REQUEST_TIMEOUT,
        }
    }
}

impl Options {
    /// Reads `[--host H] [--port P] [--timeout SECONDS]`.
    pub fn from_args(args: &[String]) -> Result<Options, String> {
        let mut o = Options::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = || it.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--host" => o.host = value()?.clone(),
                "--port" => {
                    let v = value()?;
                    o.port = v.parse().map_err(|_| format!("--port: not a port: {v}"))?;
                }
                "--timeout" => {
                    let v = value()?;
                    let secs: u64 = v
                        .parse()
                        .ok()
                        .filter(|&s| s > 0)
                        .ok_or(format!("--timeout: not a number of seconds: {v}"))?;
                    o.timeout = Duration::from_secs(secs);
                }
                _ => return Err(format!("serve: unknown argument {arg}")),
            }
        }
        Ok(o)
    }
}

/// Listens and serves until SIGTERM or Ctrl-C, printing the address on
/// standard error once it accepts connections; then stops accepting and
/// waits up to the request timeout for the requests in progress.
pub fn run(options: &Options) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = TcpListener::bind((options.host.as_str(), options.port)).await?;
        eprintln!(
            "perftarget serve: listening on http://{}",
            listener.local_addr()?
        );
        let graceful = Arc::new(GracefulShutdown::new());
        let accepting = tokio::spawn(accept(listener, options.timeout, Arc::clone(&graceful)));
        stop_signal().await;
        accepting.abort();
        // The aborted loop (and its handle on `graceful`) is dropped once awaited.
        let _ = accepting.await;
        eprintln!("perftarget serve: stopping; answering the requests in progress");
        if let Ok(graceful) = Arc::try_unwrap(graceful) {
            if tokio::time::timeout(options.timeout, graceful.shutdown())
                .await
                .is_err()
            {
                eprintln!(
                    "perftarget serve: requests still open after {:?}; stopping anyway",
                    options.timeout
                );
            }
        }
        eprintln!("perftarget serve: stopped");
        Ok(())
    })
}

/// Serves [`super::router`] on every connection `listener` accepts, each
/// watched by `graceful`; runs until aborted.
async fn accept(listener: TcpListener, timeout: Duration, graceful: Arc<GracefulShutdown>) {
    let in_flight = Arc::new(Semaphore::new(limits::MAX_IN_FLIGHT));
    let app = super::router()
        .layer(axum::middleware::from_fn(
            move |request: Request, next: Next| {
                let in_flight = Arc::clone(&in_flight);
                async move {
                    // Never closed: a permit always comes.
                    let _permit = in_flight.acquire_owned().await.ok();
                    next.run(request).await
                }
            },
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ));
    let service = TowerToHyperService::new(app);
    let mut http = hyper::server::conn::http1::Builder::new();
    // A client that trickles its headers is cut off like a slow body.
    http.timer(TokioTimer::new()).header_read_timeout(timeout);
    let open = Arc::new(Semaphore::new(limits::MAX_CONNECTIONS));
    loop {
        // Never closed: a slot always comes once a connection ends.
        let slot = Arc::clone(&open).acquire_owned().await.ok();
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of descriptors or a connection reset before accept: wait
            // a moment rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let connection =
            graceful.watch(http.serve_connection(TokioIo::new(stream), service.clone()));
        tokio::spawn(async move {
            // A connection's end (a client gone mid-request included) is no
            // error of the service's.
            let _ = connection.await;
            drop(slot);
        });
    }
}

/// Completes on SIGTERM (Unix) or Ctrl-C.
async fn stop_signal() {
    let stop = Arc::new(Notify::new());
    let on_ctrl_c = Arc::clone(&stop);
    tokio::spawn(async move {
        // Without a handler only SIGTERM stops the service.
        if tokio::signal::ctrl_c().await.is_ok() {
            on_ctrl_c.notify_one();
        }
    });
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            let on_term = Arc::clone(&stop);
            tokio::spawn(async move {
                if term.recv().await.is_some() {
                    on_term.notify_one();
                }
            });
        }
    }
    stop.notified().await;
}
