//! The HTTP/JSON service (`perftarget serve`, cargo feature `serve`): the
//! library's answers for back ends in any language, byte for byte what the
//! CLI prints. Documented in schema/openapi.json (served at
//! `/v1/openapi.json`).
//!
//! A Rust back end (axum) can mount [`router`] in its own app; it then sets
//! its own timeouts and concurrency, while body sizes stay bounded here.
//! [`run`] serves it alone with those bounds ([`limits`]) and shuts down
//! gracefully on SIGTERM or Ctrl-C.

mod answer;
mod body;
mod handlers;
pub mod limits;
mod server;

pub use server::{run, Options};

use axum::handler::Handler;
use axum::routing::MethodRouter;
use axum::Router;

/// One endpoint; built by [`get`] or [`post`] so method and route agree.
struct Endpoint {
    method: &'static str,
    path: &'static str,
    route: MethodRouter,
}

fn get<H: Handler<T, ()>, T: 'static>(path: &'static str, handler: H) -> Endpoint {
    let route = axum::routing::get(handler);
    Endpoint {
        method: "get",
        path,
        route,
    }
}

fn post<H: Handler<T, ()>, T: 'static>(path: &'static str, handler: H) -> Endpoint {
    let route = axum::routing::post(handler);
    Endpoint {
        method: "post",
        path,
        route,
    }
}

/// Every endpoint. The OpenAPI document lists exactly these (tested).
fn table() -> Vec<Endpoint> {
    vec![
        post("/v1/validate", handlers::validate),
        post("/v1/validate-batch", handlers::validate_batch),
        post("/v1/normalise", handlers::normalise),
        post("/v1/check-indicator", handlers::check_indicator),
        get("/v1/rules", handlers::rules),
        get("/v1/templates", handlers::templates),
        get("/v1/health", handlers::health),
        get("/v1/openapi.json", handlers::openapi),
        get("/v1/form.schema.json", handlers::form_schema),
    ]
}

/// (method, path) of every endpoint, methods in lower case as in OpenAPI.
pub fn endpoints() -> Vec<(&'static str, &'static str)> {
    table().into_iter().map(|e| (e.method, e.path)).collect()
}

/// The endpoints, with problem answers for unknown paths (404) and methods (405).
pub fn router() -> Router {
    table()
        .into_iter()
        .fold(Router::new(), |r, e| r.route(e.path, e.route))
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .fallback(handlers::not_found)
}
