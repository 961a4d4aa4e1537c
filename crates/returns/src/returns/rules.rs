//! The pure rules of returns, as Medusa 1.20's `ReturnService` and `OrderService` apply them:
//! which lines may be returned, what a return refunds, how a receipt compares with the
//! request, and the order's fulfillment status afterwards.

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{OrderFulfillmentStatusEnum, ReturnStatusEnum};
use medusa_totals::js_round;

/// A line of the order (its items and its swaps' and claims' additional items) as the
/// return checks read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Returnable {
    pub quantity: i64,
    pub returned_quantity: i64,
}

/// `validateReturnLineItem`: the line must be on the order and `quantity` at most what is
/// not returned yet.
pub fn check_returnable(line: Option<Returnable>, quantity: i64) -> Result<()> {
    let Some(line) = line else {
        return Err(Error::invalid_data("Return contains invalid line item"));
    };
    if quantity > line.quantity - line.returned_quantity {
        return Err(Error::not_allowed(
            "Cannot return more items than have been purchased",
        ));
    }
    Ok(())
}

/// The return shipping total `create` subtracts: the price without the tax it includes, plus
/// each tax line's tax on that, rounded per line. `rates` are percentages.
pub fn return_shipping_total(price: i64, rates: &[f64], includes_tax: bool) -> i64 {
    let included = if includes_tax {
        let rate: f64 = rates.iter().map(|r| r / 100.0).sum();
        js_round(medusa_totals::price_tax_amount(price as f64, rate, true)) as i64
    } else {
        0
    };
    let base = price - included;
    base + rates
        .iter()
        .map(|r| js_round(base as f64 * (r / 100.0)) as i64)
        .sum::<i64>()
}

/// The merchant's refund as `POST /admin/orders/{id}/return` passes it on: a negative one as
/// 0, and 0 as none (the route tests it for truth), so that 0 means "compute it".
pub fn custom_refund(refund: Option<i64>) -> Option<i64> {
    match refund {
        Some(r) if r < 0 => Some(0),
        Some(0) | None => None,
        other => other,
    }
}

/// The `refund_amount` a new return stores: the merchant's amount ([`custom_refund`]) when
/// given, else the legacy line refunds, less the return shipping total when a shipping method
/// was created.
pub fn requested_refund(
    custom: Option<i64>,
    line_refunds: i64,
    shipping_total: Option<i64>,
) -> i64 {
    match custom {
        Some(amount) => amount,
        None => line_refunds - shipping_total.unwrap_or(0),
    }
}

/// One line of a return after a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedLine {
    pub item_id: String,
    pub quantity: i64,
    /// `Some` for a line the return requested: the quantity it requested.
    pub requested_quantity: Option<i64>,
    pub received_quantity: i64,
    pub is_requested: bool,
    /// Whether the return already had this line (else it is a new, unrequested one).
    pub existing: bool,
}

/// `receive`'s lines: each received item against the requested line of the same item.
pub fn received_lines(
    requested: &[(String, i64)],
    received: &[(String, i64)],
) -> Vec<ReceivedLine> {
    received
        .iter()
        .map(
            |(item_id, quantity)| match requested.iter().find(|(id, _)| id == item_id) {
                Some((_, asked)) => ReceivedLine {
                    item_id: item_id.clone(),
                    quantity: *quantity,
                    requested_quantity: Some(*asked),
                    received_quantity: *quantity,
                    is_requested: quantity == asked,
                    existing: true,
                },
                None => ReceivedLine {
                    item_id: item_id.clone(),
                    quantity: *quantity,
                    requested_quantity: None,
                    received_quantity: *quantity,
                    is_requested: false,
                    existing: false,
                },
            },
        )
        .collect()
}

/// Medusa saves the received lines as the return's whole `items` relation, and TypeORM then
/// detaches every requested line missing from it by nulling its `return_id`, which is part of
/// the key: the receipt fails with this (an `invalid_data` error) and nothing is written.
pub fn check_no_line_dropped(requested: &[(String, i64)], lines: &[ReceivedLine]) -> Result<()> {
    let dropped = requested
        .iter()
        .any(|(id, _)| !lines.iter().any(|l| &l.item_id == id));
    if dropped {
        return Err(Error::invalid_data(
            "Can't insert null value in field return_id on insert in table return_item",
        ));
    }
    Ok(())
}

/// The return's status after a receipt: `received`, unless the lines differ from the request
/// and mismatches are not allowed (the admin route allows them; `receive_now` does not).
pub fn status_after_receipt(lines: &[ReceivedLine], allow_mismatch: bool) -> ReturnStatusEnum {
    if lines.iter().all(|l| l.is_requested) || allow_mismatch {
        ReturnStatusEnum::Received
    } else {
        ReturnStatusEnum::RequiresAction
    }
}

/// What `registerReturnReceived` does to the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiptOutcome {
    /// The refund exceeds what the order can refund: nothing is refunded.
    RequiresAction,
    /// Refund `refund` (when positive) and set the fulfillment status.
    Returned {
        refund: i64,
        status: OrderFulfillmentStatusEnum,
    },
}

/// `registerReturnReceived`: `items` are the order's own items (quantity, returned quantity
/// after the receipt); `refundable` is paid − refunded.
pub fn receipt_outcome(refund: i64, refundable: i64, items: &[Returnable]) -> ReceiptOutcome {
    if refund > refundable {
        return ReceiptOutcome::RequiresAction;
    }
    let full = items.iter().all(|i| i.returned_quantity == i.quantity);
    ReceiptOutcome::Returned {
        refund,
        status: if full {
            OrderFulfillmentStatusEnum::Returned
        } else {
            OrderFulfillmentStatusEnum::PartiallyReturned
        },
    }
}

/// How a refund is spread over an order's payments (`refundPayment`): each payment with
/// something left, in order, up to what is left on it. `payments` are (amount, refunded,
/// captured); the answer is the amount refunded from each payment.
pub fn spread_refund(payments: &[(i64, i64, bool)], amount: i64) -> Result<Vec<i64>> {
    let refundable: i64 = payments
        .iter()
        .filter(|(_, _, captured)| *captured)
        .map(|(amount, refunded, _)| amount - refunded)
        .sum();
    if refundable < amount {
        return Err(Error::not_allowed(
            "Refund amount is greater that the refundable amount",
        ));
    }
    let mut balance = amount;
    let mut out = vec![0; payments.len()];
    for (i, (paid, refunded, _)) in payments.iter().enumerate() {
        if balance <= 0 {
            break;
        }
        let left = paid - refunded;
        if left > 0 {
            let take = left.min(balance);
            out[i] = take;
            balance -= take;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, q: i64) -> (String, i64) {
        (id.to_owned(), q)
    }

    #[test]
    fn returnable_lines() {
        let l = Returnable {
            quantity: 3,
            returned_quantity: 1,
        };
        let cases: &[(Option<Returnable>, i64, Option<&str>)] = &[
            (Some(l), 2, None),
            (
                Some(l),
                3,
                Some("Cannot return more items than have been purchased"),
            ),
            (None, 1, Some("Return contains invalid line item")),
        ];
        for (line, quantity, message) in cases {
            let got = check_returnable(*line, *quantity)
                .err()
                .map(|e| e.body().message);
            assert_eq!(got.as_deref(), *message, "{line:?} {quantity}");
        }
    }

    #[test]
    fn refund_amounts() {
        // (custom, line refunds, shipping total) -> refund_amount
        // (body refund, line refunds, shipping total) -> refund_amount
        let cases = [
            (None, 2500, None, 2500),
            (None, 2500, Some(625), 1875),
            (Some(100), 2500, Some(625), 100),
            (Some(-5), 2500, Some(625), 0),
            (Some(0), 2500, Some(625), 1875),
            (None, 100, Some(625), -525),
        ];
        for (refund, lines, shipping, want) in cases {
            assert_eq!(
                requested_refund(custom_refund(refund), lines, shipping),
                want
            );
        }
    }

    #[test]
    fn shipping_totals() {
        assert_eq!(return_shipping_total(500, &[25.0], false), 625);
        assert_eq!(return_shipping_total(500, &[], false), 500);
        assert_eq!(
            return_shipping_total(333, &[12.5, 7.0], false),
            333 + 42 + 23
        );
        // 625 including 25 %: 125 of tax inside, 500 + 125.
        assert_eq!(return_shipping_total(625, &[25.0], true), 625);
    }

    #[test]
    fn receipt_status() {
        let requested = [line("a", 2), line("b", 1)];
        type Case<'a> = (&'a [(String, i64)], bool, ReturnStatusEnum);
        let cases: &[Case] = &[
            (
                &[line("a", 2), line("b", 1)],
                false,
                ReturnStatusEnum::Received,
            ),
            (
                &[line("a", 1), line("b", 1)],
                false,
                ReturnStatusEnum::RequiresAction,
            ),
            (&[line("a", 1)], true, ReturnStatusEnum::Received),
            (
                &[line("a", 2), line("c", 1)],
                false,
                ReturnStatusEnum::RequiresAction,
            ),
        ];
        for (received, allow, want) in cases {
            let lines = received_lines(&requested, received);
            assert_eq!(status_after_receipt(&lines, *allow), *want, "{received:?}");
        }
        let partial = received_lines(&requested, &[line("a", 2)]);
        assert!(check_no_line_dropped(&requested, &partial).is_err());
        let all = received_lines(&requested, &[line("b", 1), line("a", 1), line("c", 1)]);
        assert!(check_no_line_dropped(&requested, &all).is_ok());
        let lines = received_lines(&requested, &[line("a", 1), line("c", 4)]);
        assert_eq!(lines[0].requested_quantity, Some(2));
        assert!(!lines[0].is_requested && lines[0].existing);
        assert_eq!(
            (lines[1].requested_quantity, lines[1].existing),
            (None, false)
        );
    }

    #[test]
    fn outcomes() {
        let all = [Returnable {
            quantity: 2,
            returned_quantity: 2,
        }];
        let some = [
            Returnable {
                quantity: 2,
                returned_quantity: 2,
            },
            Returnable {
                quantity: 1,
                returned_quantity: 0,
            },
        ];
        assert_eq!(receipt_outcome(10, 5, &all), ReceiptOutcome::RequiresAction);
        assert_eq!(
            receipt_outcome(5, 5, &all),
            ReceiptOutcome::Returned {
                refund: 5,
                status: OrderFulfillmentStatusEnum::Returned
            }
        );
        assert_eq!(
            receipt_outcome(0, 0, &some),
            ReceiptOutcome::Returned {
                refund: 0,
                status: OrderFulfillmentStatusEnum::PartiallyReturned
            }
        );
    }

    #[test]
    fn refund_spread() {
        let payments = [(1000, 900, true), (500, 0, true), (300, 0, false)];
        assert_eq!(spread_refund(&payments, 300).unwrap(), vec![100, 200, 0]);
        assert!(spread_refund(&payments, 700).is_err());
    }
}
