//! The baseline of `qadam bench api`: a constant answer that touches neither the
//! database nor authentication, so the benchmark can show what the server itself costs
//! beside what actix does. Served only with `http.bench_routes = true` (off by default)
//! and not part of the API or its OpenAPI document.

use actix_web::HttpResponse;

pub const HELLO_PATH: &str = "/bench/hello";

pub async fn hello() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(r#"{"hello":"world"}"#)
}
