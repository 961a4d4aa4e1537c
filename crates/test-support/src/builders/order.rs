//! Orders as a completed cart leaves them: the order row, its addresses, line items with tax
//! lines and adjustments, shipping methods with tax lines, payments, discounts and
//! fulfillments; discounts with their rule.

use medusa_core::new_row::stamped;
use std::sync::atomic::{AtomicI32, Ordering};

use medusa_core::time::Timestamp;
use medusa_entity::sea_orm_active_enums::{
    CartTypeEnum, OrderFulfillmentStatusEnum, OrderPaymentStatusEnum, OrderStatusEnum,
    RefundReasonEnum,
};
use medusa_entity::{
    address, cart, fulfillment, fulfillment_item, line_item, line_item_adjustment,
    line_item_tax_line, order, order_discounts, payment, refund, shipping_method,
    shipping_method_tax_line,
};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::{json, Value};

use super::order_parts::{AddressFields, ItemBuilder};

/// Display ids handed out when a test names none.
static NEXT_DISPLAY_ID: AtomicI32 = AtomicI32::new(1000);

/// A tax line: rate (percent), name, code.
type TaxLine = (f32, String, Option<String>);

fn id(prefix: &str) -> String {
    medusa_core::generate_id(prefix)
}

/// A payment of the order: `captured` sets `captured_at` and data `{status: captured}`, else
/// `{status: authorized}`.
struct PaymentFields {
    amount: i32,
    provider_id: String,
    captured: bool,
}

/// An order placed from a cart, as Medusa's checkout leaves it: by default `pending`,
/// `not_fulfilled`, `awaiting`, `metadata` `{}`, no addresses, items or payments.
#[must_use]
pub struct OrderBuilder {
    id: String,
    display_id: i32,
    region_id: String,
    currency_code: String,
    customer_id: String,
    email: String,
    status: OrderStatusEnum,
    fulfillment_status: OrderFulfillmentStatusEnum,
    payment_status: OrderPaymentStatusEnum,
    with_cart: bool,
    sales_channel_id: Option<String>,
    metadata: Option<Value>,
    tax_rate: Option<f32>,
    created_at: Timestamp,
    billing_address: Option<AddressFields>,
    shipping_address: Option<AddressFields>,
    items: Vec<ItemBuilder>,
    /// Option id, price, tax lines.
    shipping_methods: Vec<(String, i32, Vec<TaxLine>)>,
    payments: Vec<PaymentFields>,
    discounts: Vec<String>,
    fulfillments: Vec<(String, Vec<(usize, i32)>)>,
    refunds: Vec<i32>,
}

impl OrderBuilder {
    /// An order of `customer_id` (with `email`) in the region `region_id` paid in `currency`.
    pub fn new(region_id: &str, currency: &str, customer_id: &str, email: &str) -> Self {
        Self {
            id: id("order"),
            display_id: NEXT_DISPLAY_ID.fetch_add(1, Ordering::Relaxed),
            region_id: region_id.to_owned(),
            currency_code: currency.to_owned(),
            customer_id: customer_id.to_owned(),
            email: email.to_owned(),
            status: OrderStatusEnum::Pending,
            fulfillment_status: OrderFulfillmentStatusEnum::NotFulfilled,
            payment_status: OrderPaymentStatusEnum::Awaiting,
            with_cart: false,
            sales_channel_id: None,
            metadata: Some(json!({})),
            tax_rate: None,
            created_at: super::now(),
            billing_address: None,
            shipping_address: None,
            items: Vec::new(),
            shipping_methods: Vec::new(),
            payments: Vec::new(),
            discounts: Vec::new(),
            fulfillments: Vec::new(),
            refunds: Vec::new(),
        }
    }

    pub fn display_id(mut self, display_id: i32) -> Self {
        self.display_id = display_id;
        self
    }

    pub fn statuses(
        mut self,
        fulfillment: OrderFulfillmentStatusEnum,
        payment: OrderPaymentStatusEnum,
    ) -> Self {
        self.fulfillment_status = fulfillment;
        self.payment_status = payment;
        self
    }

    pub fn status(mut self, status: OrderStatusEnum) -> Self {
        self.status = status;
        self
    }

    /// Placed from a (completed) cart: the order, its items, shipping methods and payments
    /// name the cart.
    pub fn from_cart(mut self) -> Self {
        self.with_cart = true;
        self
    }

    pub fn sales_channel(mut self, sales_channel_id: &str) -> Self {
        self.sales_channel_id = Some(sales_channel_id.to_owned());
        self
    }

    /// A legacy order-level tax rate (percent).
    pub fn tax_rate(mut self, rate: f32) -> Self {
        self.tax_rate = Some(rate);
        self
    }

    /// Creation and update time of every row.
    pub fn created_at(mut self, at: Timestamp) -> Self {
        self.created_at = at;
        self
    }

    pub fn billing_address(mut self, address: AddressFields) -> Self {
        self.billing_address = Some(address);
        self
    }

    pub fn shipping_address(mut self, address: AddressFields) -> Self {
        self.shipping_address = Some(address);
        self
    }

    pub fn item(mut self, item: ItemBuilder) -> Self {
        self.items.push(item);
        self
    }

    /// A shipping method of option `option_id` at `price`, with one tax line.
    pub fn shipping_method(mut self, option_id: &str, price: i32, tax: (f32, &str, &str)) -> Self {
        let (rate, name, code) = tax;
        let lines = vec![(rate, name.to_owned(), Some(code.to_owned()))];
        self.shipping_methods
            .push((option_id.to_owned(), price, lines));
        self
    }

    pub fn payment(mut self, amount: i32, provider_id: &str, captured: bool) -> Self {
        self.payments.push(PaymentFields {
            amount,
            provider_id: provider_id.to_owned(),
            captured,
        });
        self
    }

    pub fn discount(mut self, discount_id: &str) -> Self {
        self.discounts.push(discount_id.to_owned());
        self
    }

    /// A fulfillment by `provider_id` of the items at these positions (in the order the
    /// items were added), with quantities.
    pub fn fulfillment(mut self, provider_id: &str, items: &[(usize, i32)]) -> Self {
        self.fulfillments
            .push((provider_id.to_owned(), items.to_vec()));
        self
    }

    /// A refund of the order (reason `other`); the payments' `amount_refunded` is left as set.
    pub fn refund(mut self, amount: i32) -> Self {
        self.refunds.push(amount);
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> BuiltOrder {
        insert(self, db).await
    }
}

/// What [`OrderBuilder::insert`] inserted.
#[derive(Debug, Clone)]
pub struct BuiltOrder {
    pub order: order::Model,
    pub items: Vec<line_item::Model>,
    pub shipping_methods: Vec<shipping_method::Model>,
    pub payments: Vec<payment::Model>,
    pub fulfillments: Vec<fulfillment::Model>,
}

async fn insert_address<C: ConnectionTrait>(
    db: &C,
    fields: AddressFields,
    at: Timestamp,
) -> String {
    address::ActiveModel {
        id: Set(id("addr")),
        customer_id: Set(None),
        company: Set(fields.company),
        first_name: Set(fields.first_name),
        last_name: Set(fields.last_name),
        address_1: Set(fields.address_1),
        address_2: Set(fields.address_2),
        city: Set(fields.city),
        country_code: Set(fields.country_code),
        province: Set(fields.province),
        postal_code: Set(fields.postal_code),
        phone: Set(fields.phone),
        ..stamped(at)
    }
    .insert(db)
    .await
    .expect("insert address")
    .id
}

/// Inserts `(rate, name, code)` tax lines of `$table` (a line item's or a shipping method's:
/// the same columns but the one naming their owner).
macro_rules! insert_tax_lines {
    ($db:expr, $table:ident, $prefix:literal, $owner:ident: $owner_id:expr, $lines:expr, $at:expr) => {
        for (rate, name, code) in $lines {
            $table::ActiveModel {
                id: Set(id($prefix)),
                rate: Set(rate),
                name: Set(name),
                code: Set(code),
                created_at: Set($at),
                updated_at: Set($at),
                metadata: Set(None),
                $owner: Set($owner_id.clone()),
            }
            .insert($db)
            .await
            .expect(concat!("insert ", stringify!($table)));
        }
    };
}

async fn insert<C: ConnectionTrait>(b: OrderBuilder, db: &C) -> BuiltOrder {
    let at = b.created_at;
    let billing = match b.billing_address {
        Some(fields) => Some(insert_address(db, fields, at).await),
        None => None,
    };
    let shipping = match b.shipping_address {
        Some(fields) => Some(insert_address(db, fields, at).await),
        None => None,
    };
    let cart_id = if b.with_cart {
        let cart = cart::ActiveModel {
            id: Set(id("cart")),
            email: Set(Some(b.email.clone())),
            billing_address_id: Set(billing.clone()),
            shipping_address_id: Set(shipping.clone()),
            region_id: Set(b.region_id.clone()),
            customer_id: Set(Some(b.customer_id.clone())),
            payment_id: Set(None),
            r#type: Set(CartTypeEnum::Default),
            completed_at: Set(Some(at)),
            idempotency_key: Set(None),
            context: Set(None),
            payment_authorized_at: Set(Some(at)),
            sales_channel_id: Set(b.sales_channel_id.clone()),
            ..stamped(at)
        };
        Some(cart.insert(db).await.expect("insert cart").id)
    } else {
        None
    };
    let order = order::ActiveModel {
        id: Set(b.id),
        status: Set(b.status),
        fulfillment_status: Set(b.fulfillment_status),
        payment_status: Set(b.payment_status),
        display_id: Set(b.display_id),
        cart_id: Set(cart_id.clone()),
        customer_id: Set(b.customer_id),
        email: Set(b.email),
        billing_address_id: Set(billing),
        shipping_address_id: Set(shipping),
        region_id: Set(b.region_id),
        currency_code: Set(b.currency_code.clone()),
        tax_rate: Set(b.tax_rate),
        canceled_at: Set(None),
        metadata: Set(b.metadata),
        idempotency_key: Set(None),
        draft_order_id: Set(None),
        no_notification: Set(None),
        external_id: Set(None),
        sales_channel_id: Set(b.sales_channel_id),
        ..stamped(at)
    }
    .insert(db)
    .await
    .expect("insert order");

    let mut items = Vec::new();
    for item in b.items {
        let row = line_item::ActiveModel {
            id: Set(id("item")),
            cart_id: Set(cart_id.clone()),
            order_id: Set(Some(order.id.clone())),
            swap_id: Set(None),
            title: Set(item.title),
            description: Set(item.description),
            thumbnail: Set(item.thumbnail),
            is_giftcard: Set(false),
            should_merge: Set(true),
            allow_discounts: Set(true),
            has_shipping: Set(Some(true)),
            unit_price: Set(item.unit_price),
            variant_id: Set(item.variant_id),
            quantity: Set(item.quantity),
            fulfilled_quantity: Set(item.fulfilled),
            returned_quantity: Set(item.returned),
            shipped_quantity: Set(item.shipped),
            metadata: Set(Some(json!({}))),
            claim_order_id: Set(None),
            is_return: Set(false),
            original_item_id: Set(None),
            order_edit_id: Set(None),
            ..stamped(at)
        }
        .insert(db)
        .await
        .expect("insert line item");
        for (amount, discount_id) in item.adjustments {
            line_item_adjustment::ActiveModel {
                id: Set(id("lia")),
                item_id: Set(row.id.clone()),
                description: Set("discount".into()),
                discount_id: Set(discount_id),
                amount: Set(amount),
                metadata: Set(None),
            }
            .insert(db)
            .await
            .expect("insert adjustment");
        }
        insert_tax_lines!(db, line_item_tax_line, "litl", item_id: row.id, item.tax_lines, at);
        items.push(row);
    }

    let mut shipping_methods = Vec::new();
    for (option_id, price, lines) in b.shipping_methods {
        let method = shipping_method::ActiveModel {
            id: Set(id("sm")),
            shipping_option_id: Set(option_id),
            order_id: Set(Some(order.id.clone())),
            cart_id: Set(cart_id.clone()),
            swap_id: Set(None),
            return_id: Set(None),
            price: Set(price),
            data: Set(json!({})),
            claim_order_id: Set(None),
        }
        .insert(db)
        .await
        .expect("insert shipping method");
        insert_tax_lines!(db, shipping_method_tax_line, "smtl", shipping_method_id: method.id, lines, at);
        shipping_methods.push(method);
    }

    let mut payments = Vec::new();
    for p in b.payments {
        let status = if p.captured { "captured" } else { "authorized" };
        let row = payment::ActiveModel {
            id: Set(id("pay")),
            swap_id: Set(None),
            cart_id: Set(cart_id.clone()),
            order_id: Set(Some(order.id.clone())),
            amount: Set(p.amount),
            currency_code: Set(b.currency_code.clone()),
            amount_refunded: Set(0),
            provider_id: Set(p.provider_id),
            data: Set(json!({ "status": status })),
            captured_at: Set(p.captured.then_some(at)),
            canceled_at: Set(None),
            idempotency_key: Set(None),
            ..stamped(at)
        };
        payments.push(row.insert(db).await.expect("insert payment"));
    }

    for discount_id in b.discounts {
        order_discounts::Entity::insert(order_discounts::ActiveModel {
            order_id: Set(order.id.clone()),
            discount_id: Set(discount_id),
        })
        .exec_without_returning(db)
        .await
        .expect("link discount");
    }

    let mut fulfillments = Vec::new();
    for (provider_id, lines) in b.fulfillments {
        let row = fulfillment::ActiveModel {
            id: Set(id("ful")),
            swap_id: Set(None),
            order_id: Set(Some(order.id.clone())),
            tracking_numbers: Set(json!([])),
            data: Set(json!({})),
            shipped_at: Set(None),
            canceled_at: Set(None),
            metadata: Set(Some(json!({}))),
            idempotency_key: Set(None),
            provider_id: Set(Some(provider_id)),
            claim_order_id: Set(None),
            no_notification: Set(None),
            location_id: Set(None),
            ..stamped(at)
        }
        .insert(db)
        .await
        .expect("insert fulfillment");
        for (position, quantity) in lines {
            let item = items.get(position).expect("fulfilled item position");
            fulfillment_item::Entity::insert(fulfillment_item::ActiveModel {
                fulfillment_id: Set(row.id.clone()),
                item_id: Set(item.id.clone()),
                quantity: Set(quantity),
            })
            .exec_without_returning(db)
            .await
            .expect("insert fulfillment item");
        }
        fulfillments.push(row);
    }

    for amount in b.refunds {
        refund::ActiveModel {
            id: Set(id("ref")),
            order_id: Set(Some(order.id.clone())),
            amount: Set(amount),
            note: Set(None),
            reason: Set(RefundReasonEnum::Other),
            idempotency_key: Set(None),
            payment_id: Set(None),
            ..stamped(at)
        }
        .insert(db)
        .await
        .expect("insert refund");
    }

    BuiltOrder {
        order,
        items,
        shipping_methods,
        payments,
        fulfillments,
    }
}
