//! A worker that uses the domain services with no HTTP at all: it creates a customer and a
//! product, lists them with typed list parameters, and lets the background work deliver the
//! events the writes recorded.
//!
//! `cargo run --example worker [DATABASE_URL]` (a throwaway SQLite file by default).

use std::time::Duration;

use medusa_admin_http::medusa_customer::{plan_customer_list, CreateCustomer};
use medusa_admin_http::medusa_product::{CreateProduct, ProductQuery};
use medusa_admin_http::medusa_query_dsl::ListParams;
use medusa_admin_http::sea_orm::{EntityTrait, PaginatorTrait};
use medusa_admin_http::{database, AdminApi, Secrets};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("worker-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("sqlite://{}/worker.db?mode=rwc", dir.display()));

    let db = database::connect(&url).await?;
    let api = AdminApi::builder(db.clone())
        .secrets(Secrets::new("worker jwt secret", "worker cookie secret"))
        .migrate(true)
        .build()
        .await?;
    let background = api.start_background().await?;
    let services = api.state();

    let customer = services
        .customers
        .create(CreateCustomer {
            email: "jane@example.com".into(),
            first_name: "Jane".into(),
            last_name: "Doe".into(),
            password: "a password".into(),
            phone: None,
            metadata: None,
        })
        .await?;
    println!(
        "created customer {} ({})",
        customer.customer.id, customer.customer.email
    );

    let params = ListParams::new()
        .search("jane")
        .limit(10)
        .order_desc("created_at");
    let (plan, filter) = plan_customer_list(&params.query_string(), services.backend, None)?;
    let page = services.customers.list(&plan, &filter).await?;
    println!("customers matching \"jane\": {}", page.count);
    assert_eq!(page.count, 1);

    let product = CreateProduct::from_body(serde_json::json!({ "title": "Worker tee" }))?;
    services.product_writes.create(product).await?;
    let params = ListParams::new().eq("handle", "worker-tee");
    let query = ProductQuery::parse(
        &params.query_string(),
        services.backend,
        services.product_specs,
    )?;
    let products = services.products.list(&query).await?;
    println!("products with handle worker-tee: {}", products.count);
    assert_eq!(products.count, 1);

    // The writes recorded `customer.created` and `product.created`; the dispatcher delivers them.
    use medusa_admin_http::medusa_entity::event_outbox;
    use medusa_admin_http::sea_orm::{ColumnTrait, QueryFilter};
    let mut waited = Duration::ZERO;
    loop {
        let pending = event_outbox::Entity::find()
            .filter(event_outbox::Column::DeliveredAt.is_null())
            .count(&db)
            .await?;
        if pending == 0 {
            break;
        }
        if waited > Duration::from_secs(20) {
            return Err(format!("{pending} events still undelivered").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += Duration::from_millis(100);
    }
    println!("every recorded event delivered");
    background.stop().await;
    std::fs::remove_dir_all(&dir)?;
    println!("worker check passed");
    Ok(())
}
