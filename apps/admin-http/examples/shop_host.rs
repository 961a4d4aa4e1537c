//! A host actix service that mounts the admin API under `/shop` beside its own routes.
//!
//! `cargo run --example shop_host` serves on 127.0.0.1:8080 until Ctrl-C (log in at
//! `POST /shop/admin/auth` as admin@example.com / supersecret). With `--check` it serves on a
//! free port, calls itself as an admin client would, says what it saw and exits: CI runs it
//! so.

use std::io::{Read, Write};
use std::net::TcpStream;

use medusa_admin_http::actix_web::{web, App, HttpResponse, HttpServer};
use medusa_admin_http::medusa_auth::{users::CreateUser, Email, UserRole};
use medusa_admin_http::{database, AdminApi, Secrets};

#[derive(serde::Deserialize)]
struct Echo {
    text: String,
}

/// The host's own route, with actix's own error answers.
async fn echo(body: web::Json<Echo>) -> HttpResponse {
    HttpResponse::Ok().body(body.into_inner().text)
}

#[actix_web::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let check = std::env::args().any(|arg| arg == "--check");
    let dir = std::env::temp_dir().join(format!("shop-host-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}/shop.db?mode=rwc", dir.display());

    let db = database::connect(&url).await?;
    let api = AdminApi::builder(db)
        .secrets(Secrets::new(
            "a jwt secret of at least thirty-two characters",
            "a cookie secret of at least thirty-two characters",
        ))
        .migrate(true)
        .build()
        .await?;
    api.state()
        .users
        .create(CreateUser {
            email: Email::parse("admin@example.com")?,
            password: "supersecret".into(),
            first_name: None,
            last_name: None,
            role: Some(UserRole::Admin),
        })
        .await?;
    let background = api.start_background().await?;

    let mounted = api.clone();
    let server = HttpServer::new(move || {
        App::new()
            .route("/echo", web::post().to(echo))
            .service(web::scope("/shop").configure(mounted.configure()))
    })
    .workers(1)
    .bind(("127.0.0.1", if check { 0 } else { 8080 }))?;
    let port = server.addrs()[0].port();
    let server = server.run();

    if check {
        let handle = server.handle();
        let running = actix_web::rt::spawn(server);
        let outcome = actix_web::rt::task::spawn_blocking(move || self_check(port)).await?;
        handle.stop(true).await;
        running.await??;
        background.stop().await;
        std::fs::remove_dir_all(&dir)?;
        outcome.map_err(|problem| format!("shop_host check failed: {problem}"))?;
        println!("shop_host check passed");
    } else {
        println!("serving the admin API on http://127.0.0.1:{port}/shop/admin");
        server.await?;
        background.stop().await;
    }
    Ok(())
}

/// What an admin client does under the prefix, and the host's own route beside it.
fn self_check(port: u16) -> Result<(), String> {
    let (status, body) = call(
        port,
        "POST",
        "/shop/admin/auth/token",
        None,
        r#"{"email":"admin@example.com","password":"supersecret"}"#,
    )?;
    expect(status == 200, "login", &body)?;
    let token = field(&body, "access_token")?;
    let (status, body) = call(
        port,
        "GET",
        "/shop/admin/products?limit=1",
        Some(&token),
        "",
    )?;
    expect(
        status == 200 && body.contains("\"products\""),
        "product list",
        &body,
    )?;
    let (status, body) = call(
        port,
        "POST",
        "/shop/admin/products",
        Some(&token),
        r#"{"title":"Embedded"}"#,
    )?;
    expect(
        status == 200 && body.contains("\"handle\":\"embedded\""),
        "product create",
        &body,
    )?;
    let (status, body) = call(port, "GET", "/shop/admin/products", None, "")?;
    expect(
        status == 401,
        "a protected route without a credential",
        &body,
    )?;
    let (status, body) = call(port, "POST", "/echo", None, "{")?;
    expect(
        status == 400 && !body.contains("\"type\""),
        "the host's own error format",
        &body,
    )?;
    println!("  login, product list, product create, 401 and the host's route: as expected");
    Ok(())
}

fn expect(ok: bool, what: &str, body: &str) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("{what}: {body}"))
    }
}

/// One HTTP/1.1 exchange: the status and the body.
fn call(
    port: u16,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: &str,
) -> Result<(u16, String), String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let auth = token
        .map(|t| format!("authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n{auth}\
         content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stream
        .read_to_string(&mut answer)
        .map_err(|e| e.to_string())?;
    let status = answer
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or("no status line")?;
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

fn field(body: &str, name: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    value[name]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no {name} in {body}"))
}
