use super::*;

fn message(result: Result<()>) -> Option<String> {
    result.err().map(|error| error.body().message)
}

#[test]
fn canceled_orders_refuse_every_write_with_its_own_message() {
    let canceled = Status::Canceled;
    let table: [(Result<()>, &str); 7] = [
        (
            may_complete(&canceled),
            "A canceled order cannot be completed",
        ),
        (may_update(&canceled), "A canceled order cannot be updated"),
        (
            may_capture(&canceled),
            "A canceled order cannot capture payment",
        ),
        (
            may_fulfill(&canceled, 1),
            "A canceled order cannot be fulfilled",
        ),
        (
            may_ship(&canceled),
            "A canceled order cannot be fulfilled as shipped",
        ),
        (
            may_add_shipping_method(&canceled),
            "A shipping method cannot be added to a canceled order",
        ),
        (
            may_refund(&canceled, 1, 100),
            "A canceled order cannot be refunded",
        ),
    ];
    for (result, expected) in table {
        assert_eq!(message(result).as_deref(), Some(expected));
    }
    for status in [
        Status::Pending,
        Status::Completed,
        Status::Archived,
        Status::RequiresAction,
    ] {
        assert!(may_complete(&status).is_ok());
        assert!(may_update(&status).is_ok());
        assert!(may_capture(&status).is_ok());
        assert!(may_fulfill(&status, 1).is_ok());
        assert!(may_ship(&status).is_ok());
        assert!(may_add_shipping_method(&status).is_ok());
        assert!(may_refund(&status, 100, 100).is_ok());
    }
}

#[test]
fn only_completed_orders_are_archived() {
    for (status, ok) in [
        (Status::Pending, false),
        (Status::Completed, true),
        (Status::Archived, false),
        (Status::Canceled, false),
        (Status::RequiresAction, false),
    ] {
        let result = may_archive(&status);
        assert_eq!(result.is_ok(), ok, "{status:?}");
        if !ok {
            assert_eq!(
                message(result).as_deref(),
                Some("Can't archive an unprocessed order")
            );
        }
    }
}

#[test]
fn cancel_is_blocked_by_refunds_then_open_parts_in_medusas_order() {
    let none = CancelBlockers::default();
    assert!(may_cancel(&none).is_ok());
    let table = [
        (
            CancelBlockers {
                refunds: 1,
                open_fulfillments: 1,
                ..none
            },
            "Order with refund(s) cannot be canceled",
        ),
        (
            CancelBlockers {
                open_fulfillments: 1,
                open_claims: 1,
                ..none
            },
            "All fulfillments must be canceled before canceling an order",
        ),
        (
            CancelBlockers {
                open_returns: 2,
                open_swaps: 1,
                ..none
            },
            "All returns must be canceled before canceling an order",
        ),
        (
            CancelBlockers {
                open_swaps: 1,
                open_claims: 1,
                ..none
            },
            "All swaps must be canceled before canceling an order",
        ),
        (
            CancelBlockers {
                open_claims: 1,
                ..none
            },
            "All claims must be canceled before canceling an order",
        ),
    ];
    for (blockers, expected) in table {
        assert_eq!(message(may_cancel(&blockers)).as_deref(), Some(expected));
    }
}

#[test]
fn fulfillment_needs_shipping_methods_and_enough_unfulfilled_items() {
    assert_eq!(
        message(may_fulfill(&Status::Pending, 0)).as_deref(),
        Some("Cannot fulfill an order that lacks shipping methods")
    );
    for (quantity, fulfilled, requested, ok) in [
        (2, None, 2, true),
        (2, Some(0), 3, false),
        (2, Some(1), 1, true),
        (2, Some(1), 2, false),
        (2, Some(2), 0, true),
    ] {
        let result = may_fulfill_quantity(quantity, fulfilled, requested);
        assert_eq!(result.is_ok(), ok, "{quantity} {fulfilled:?} {requested}");
        if !ok {
            assert_eq!(
                message(result).as_deref(),
                Some("Cannot fulfill more items than have been purchased")
            );
        }
    }
}

#[test]
fn fulfillments_and_shipments() {
    assert!(may_cancel_fulfillment(false).is_ok());
    assert_eq!(
        message(may_cancel_fulfillment(true)).as_deref(),
        Some("The fulfillment has already been shipped. Shipped fulfillments cannot be canceled")
    );
    assert_eq!(
        message(may_ship_fulfillment(true)).as_deref(),
        Some("Fulfillment has been canceled")
    );
    assert_eq!(after_fulfillment_canceled(), Fulfillment::Canceled);
}

#[test]
fn fulfillment_and_shipment_statuses_follow_every_item() {
    let line = |quantity, before, added| LineProgress {
        quantity,
        before,
        added,
    };
    let table = [
        (
            vec![line(2, None, Some(2))],
            Fulfillment::Fulfilled,
            Fulfillment::Shipped,
        ),
        (
            vec![line(2, Some(0), Some(1))],
            Fulfillment::PartiallyFulfilled,
            Fulfillment::PartiallyShipped,
        ),
        (
            vec![line(2, None, Some(2)), line(1, Some(1), None)],
            Fulfillment::Fulfilled,
            Fulfillment::Shipped,
        ),
        // An untouched item whose count is NULL is not done.
        (
            vec![line(2, None, Some(2)), line(1, None, None)],
            Fulfillment::PartiallyFulfilled,
            Fulfillment::PartiallyShipped,
        ),
        (vec![], Fulfillment::Fulfilled, Fulfillment::Shipped),
    ];
    for (lines, fulfilled, shipped) in table {
        assert_eq!(after_fulfillment(&lines), fulfilled, "{lines:?}");
        assert_eq!(after_shipment(&lines), shipped, "{lines:?}");
    }
}

#[test]
fn payment_statuses_after_capture_and_refund() {
    assert_eq!(after_capture(true), Payment::Captured);
    assert_eq!(after_capture(false), Payment::RequiresAction);
    let totals = |paid, refunded, refundable| RefundTotals {
        paid_total: paid,
        refunded_total: refunded,
        refundable_amount: refundable,
    };
    let table = [
        (totals(1000, 500, 500), Payment::PartiallyRefunded),
        (totals(1000, 1000, 0), Payment::Refunded),
        // Refunded as much as paid while the total is larger: refunded wins.
        (totals(1000, 1000, 200), Payment::Refunded),
        (totals(0, 0, 1000), Payment::Captured),
        (totals(1000, 500, 0), Payment::Captured),
    ];
    for (after, expected) in table {
        assert_eq!(
            after_refund(Payment::Captured, &after),
            expected,
            "{after:?}"
        );
    }
}

#[test]
fn refund_limits() {
    assert_eq!(
        message(may_refund(&Status::Pending, 101, 100)).as_deref(),
        Some("Cannot refund more than the original order amount")
    );
    assert_eq!(
        message(may_refund_captured(101, 100)).as_deref(),
        Some("Refund amount is greater that the refundable amount")
    );
    assert!(may_refund_captured(100, 100).is_ok());
    assert_eq!(
        message(may_refund_payment("pay_1", false, 1, 100)).as_deref(),
        Some("Payment pay_1 is not captured")
    );
    assert_eq!(
        message(may_refund_payment("pay_1", true, 101, 100)).as_deref(),
        Some("Only 100 can be refunded from Payment pay_1")
    );
    assert!(may_refund_payment("pay_1", true, 100, 100).is_ok());
}

#[test]
fn items_may_be_added_only_to_untouched_orders() {
    assert!(may_update_items(
        &Status::Pending,
        &Fulfillment::NotFulfilled,
        &Payment::Awaiting
    )
    .is_ok());
    for (status, fulfillment, payment) in [
        (
            Status::Completed,
            Fulfillment::NotFulfilled,
            Payment::Awaiting,
        ),
        (Status::Pending, Fulfillment::Fulfilled, Payment::Awaiting),
        (
            Status::Pending,
            Fulfillment::NotFulfilled,
            Payment::Captured,
        ),
    ] {
        assert_eq!(
            message(may_update_items(&status, &fulfillment, &payment)).as_deref(),
            Some(
                "Can't update shipping, billing, items and payment method when order is processed"
            )
        );
    }
}

#[test]
fn an_order_edit_shows_the_latest_step_taken() {
    // (requested, declined, confirmed, canceled) -> status
    let table = [
        ((false, false, false, false), "created"),
        ((true, false, false, false), "requested"),
        ((true, true, false, false), "declined"),
        ((true, false, true, false), "confirmed"),
        ((true, false, true, true), "canceled"),
        ((false, false, false, true), "canceled"),
        ((true, true, true, false), "confirmed"),
    ];
    for ((requested, declined, confirmed, canceled), expected) in table {
        assert_eq!(
            order_edit_status(requested, declined, confirmed, canceled),
            expected,
            "{requested} {declined} {confirmed} {canceled}"
        );
    }
}
