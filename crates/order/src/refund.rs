//! Refunds (of an order, spread over its captured payments, or of one payment) and the
//! capture of one payment.

use medusa_core::new_row::stamped;
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::RefundReasonEnum;
use medusa_entity::{order, payment, refund};
use medusa_providers::ProviderRegistry;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde_json::{json, Value};

use crate::input::{CreateRefund, PaymentRefund};
use crate::lifecycle::{
    capture_payment_row, order_for_update_legacy, order_payments, payment_provider, save_order,
};
use crate::load::{orders, Needs};
use crate::status::{self, RefundTotals};

/// The order's totals as the refund rules read them (Medusa's `refundable_amount`: total
/// minus refunds).
async fn refund_totals<C: sea_orm::ConnectionTrait + medusa_load::AsPgPool>(
    conn: &C,
    order_id: &str,
    tax_inclusive: bool,
) -> Result<RefundTotals> {
    // Locked first; then read with its relations.
    order_for_update_legacy(conn, order_id).await?;
    let query = crate::spec::plan_order_retrieve("", false)?;
    let needs = Needs::new(&query.selection, &query.totals, tax_inclusive);
    let mut reader = medusa_load::Reader::new(conn).await?;
    let select =
        medusa_load::find::<order::Entity>(reader.backend()).filter(order::Column::Id.eq(order_id));
    let rows = orders(&mut reader, select, &needs)
        .await?
        .pop()
        .ok_or_else(|| crate::service::order_not_found(order_id))?;
    let input = crate::totals::order_input(&rows);
    let total = medusa_totals::current::order_totals(&input).total;
    #[allow(clippy::cast_possible_truncation)]
    let total = total.round() as i64;
    let refunded_total = input.refunded_total();
    Ok(RefundTotals {
        paid_total: input.paid_total(),
        refunded_total,
        refundable_amount: total - refunded_total,
    })
}

fn refund_reason(reason: &str) -> Result<RefundReasonEnum> {
    serde_json::from_value(json!(reason)).map_err(|_| {
        Error::invalid_data(format!(
            "reason must be one of the following values: {}",
            crate::input::REFUND_REASONS.join(", ")
        ))
    })
}

fn new_refund(
    order_id: Option<String>,
    payment_id: Option<String>,
    amount: i64,
    reason: RefundReasonEnum,
    note: Option<String>,
) -> refund::ActiveModel {
    let now = medusa_core::time::now();
    refund::ActiveModel {
        id: Set(medusa_core::generate_id("ref")),
        order_id: Set(order_id),
        amount: Set(i32::try_from(amount).unwrap_or(i32::MAX)),
        note: Set(note),
        reason: Set(reason),
        idempotency_key: Set(None),
        payment_id: Set(payment_id),
        ..stamped(now)
    }
}

/// Refunds `amount` of a payment through its provider and adds it to `amount_refunded`.
async fn refund_from<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    pay: payment::Model,
    amount: i64,
) -> Result<payment::Model> {
    let provider = payment_provider(providers, &pay.provider_id)?;
    let data = provider
        .refund(&pay.data, amount)
        .map_err(Error::invalid_data)?;
    let refunded = i64::from(pay.amount_refunded) + amount;
    let mut active = pay.into_active_model();
    active.data = Set(data);
    active.amount_refunded = Set(i32::try_from(refunded).unwrap_or(i32::MAX));
    active.updated_at = Set(medusa_core::time::now());
    Ok(active.update(conn).await?)
}

/// Medusa's `refundPayment(payments, amount, reason, note)`: checked against what the
/// captured payments have left, then taken from each payment in turn (through its provider)
/// until the amount is met; one refund row for the whole amount, naming the payments' order.
pub async fn refund_payments_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    amount: i64,
    reason: RefundReasonEnum,
    note: Option<String>,
) -> Result<refund::Model> {
    let payments = order_payments(conn, order_id).await?;
    let left = |p: &payment::Model| i64::from(p.amount) - i64::from(p.amount_refunded);
    let captured_left: i64 = payments
        .iter()
        .filter(|p| p.captured_at.is_some())
        .map(left)
        .sum();
    status::may_refund_captured(amount, captured_left)?;
    let mut balance = amount;
    for pay in payments {
        if balance <= 0 {
            break;
        }
        let available = left(&pay);
        if available <= 0 {
            continue;
        }
        let taken = available.min(balance);
        refund_from(conn, providers, pay, taken).await?;
        balance -= taken;
    }
    Ok(
        new_refund(Some(order_id.to_owned()), None, amount, reason, note)
            .insert(conn)
            .await?,
    )
}

/// `POST /admin/orders/{id}/refund`: checked against the order's refundable amount, then
/// spread over its captured payments (each up to what it has left), a refund row; the
/// payment status follows; event `order.refund_created`. `tax_inclusive`: the server runs
/// with tax-inclusive pricing, so the order's total reads its rows' `includes_tax`.
pub async fn refund_in<C: ConnectionTrait + medusa_load::AsPgPool>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    input: &CreateRefund,
    tax_inclusive: bool,
) -> Result<()> {
    let before = refund_totals(conn, order_id, tax_inclusive).await?;
    let row = order_for_update_legacy(conn, order_id).await?;
    status::may_refund(&row.status, input.amount, before.refundable_amount)?;
    let reason = refund_reason(&input.reason)?;
    let created = refund_payments_in(
        conn,
        providers,
        order_id,
        input.amount,
        reason,
        input.note.clone(),
    )
    .await?;
    let after = refund_totals(conn, order_id, tax_inclusive).await?;
    let payment_status = status::after_refund(row.payment_status.clone(), &after);
    if payment_status != row.payment_status {
        let mut active = row.clone().into_active_model();
        active.payment_status = Set(payment_status);
        save_order(conn, active).await?;
    }
    let no_notification = input.no_notification.or(row.no_notification);
    let payload =
        json!({"id": order_id, "refund_id": created.id, "no_notification": no_notification});
    medusa_events::record(conn, "order.refund_created", payload).await
}

async fn find_payment<C: ConnectionTrait>(conn: &C, id: &str) -> Result<payment::Model> {
    payment::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Payment with id {id} was not found")))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Value> {
    serde_json::to_value(value).map_err(|e| Error::UnexpectedState(e.to_string()))
}

/// `POST /admin/payments/{id}/capture`: an uncaptured payment captured through its
/// provider (event `payment.payment_captured` with the payment); a captured one returned
/// as it is. A provider's failure is Medusa's 500 and changes nothing (Medusa's
/// `payment.payment_capture_failed` is emitted in the transaction its error rolls back).
pub async fn capture_payment_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    payment_id: &str,
) -> Result<Value> {
    let pay = find_payment(conn, payment_id).await?;
    if pay.captured_at.is_some() {
        return to_json(&pay);
    }
    match capture_payment_row(conn, providers, &pay).await {
        Ok(captured) => {
            let shown = to_json(&captured)?;
            medusa_events::record(conn, "payment.payment_captured", shown.clone()).await?;
            Ok(shown)
        }
        Err(Error::Db(err)) => Err(Error::Db(err)),
        Err(_) => Err(Error::UnexpectedState(format!(
            "Failed to capture Payment {payment_id}"
        ))),
    }
}

/// `POST /admin/payments/{id}/refund`: a captured payment refunds at most what it has left;
/// a refund row naming the payment and its order; event `payment.payment_refund_created`.
pub async fn refund_payment_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    payment_id: &str,
    input: &PaymentRefund,
) -> Result<Value> {
    let pay = find_payment(conn, payment_id).await?;
    let refundable = i64::from(pay.amount) - i64::from(pay.amount_refunded);
    status::may_refund_payment(
        payment_id,
        pay.captured_at.is_some(),
        input.amount,
        refundable,
    )?;
    let reason = refund_reason(&input.reason)?;
    let order_id = pay.order_id.clone();
    let updated = match refund_from(conn, providers, pay, input.amount).await {
        Ok(updated) => updated,
        Err(Error::Db(err)) => return Err(Error::Db(err)),
        Err(_) => {
            return Err(Error::UnexpectedState(format!(
                "Failed to refund Payment {payment_id}"
            )))
        }
    };
    let created = new_refund(
        order_id,
        Some(updated.id.clone()),
        input.amount,
        reason,
        input.note.clone(),
    )
    .insert(conn)
    .await?;
    let shown = to_json(&created)?;
    medusa_events::record(conn, "payment.payment_refund_created", shown.clone()).await?;
    Ok(shown)
}
