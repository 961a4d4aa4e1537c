//! Tables of cases for the swap rules: each an input and Medusa's outcome.

use super::*;
use medusa_order::status::LineProgress;

#[test]
fn swappable_orders() {
    use OrderFulfillmentStatusEnum as F;
    use PaymentStatusEnum as P;
    let cases = [
        (P::Captured, F::Fulfilled, None),
        (P::Captured, F::Shipped, None),
        (P::Captured, F::PartiallyFulfilled, None),
        (
            P::Awaiting,
            F::Fulfilled,
            Some("Cannot swap an order that has not been captured"),
        ),
        (
            P::Captured,
            F::NotFulfilled,
            Some("Cannot swap an order that has not been fulfilled"),
        ),
        // The payment is checked first.
        (
            P::NotPaid,
            F::NotFulfilled,
            Some("Cannot swap an order that has not been captured"),
        ),
    ];
    for (payment, fulfillment, expected) in cases {
        let got = check_swappable(&payment, &fulfillment)
            .err()
            .map(|e| e.to_string());
        assert_eq!(got.as_deref(), expected, "{payment:?} {fulfillment:?}");
    }
}

#[test]
fn settlements() {
    use Payment as P;
    let ok = |due, payment| settlement(false, true, Some(due), &payment).unwrap();
    assert_eq!(ok(-500, P::NotPaid), Settlement::Refund(500));
    assert_eq!(ok(-500, P::DifferenceRefunded), Settlement::Nothing);
    assert_eq!(ok(0, P::NotPaid), Settlement::MarkRefunded);
    assert_eq!(ok(0, P::DifferenceRefunded), Settlement::Nothing);
    assert_eq!(ok(700, P::Awaiting), Settlement::Capture);
    assert_eq!(ok(700, P::Captured), Settlement::Nothing);
    let err = |canceled, confirmed| {
        settlement(canceled, confirmed, Some(1), &P::NotPaid)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(err(true, true), "Canceled swap cannot be processed");
    assert_eq!(
        err(false, false),
        "Cannot process a swap that hasn't been confirmed by the customer"
    );
    assert_eq!(err(true, false), "Canceled swap cannot be processed");
}

#[test]
fn cancel_guards() {
    use Payment as P;
    let check = |payment, open, ret: Option<ReturnStatusEnum>| {
        check_cancelable(&payment, open, ret.as_ref())
            .err()
            .map(|e| e.to_string())
    };
    assert_eq!(check(P::NotPaid, 0, Some(ReturnStatusEnum::Canceled)), None);
    assert_eq!(check(P::Awaiting, 0, None), None);
    for refunded in [P::DifferenceRefunded, P::PartiallyRefunded, P::Refunded] {
        assert_eq!(
            check(refunded, 1, Some(ReturnStatusEnum::Requested)).as_deref(),
            Some("Swap with a refund cannot be canceled")
        );
    }
    assert_eq!(
        check(P::NotPaid, 1, Some(ReturnStatusEnum::Requested)).as_deref(),
        Some("All fulfillments must be canceled before the swap can be canceled")
    );
    assert_eq!(
        check(P::NotPaid, 0, Some(ReturnStatusEnum::Requested)).as_deref(),
        Some("Return must be canceled before the swap can be canceled")
    );
}

#[test]
fn fulfillment_checks_and_statuses() {
    use Fulfillment as F;
    let check = |canceled, status, methods| {
        check_fulfillable(canceled, &status, methods)
            .err()
            .map(|e| e.to_string())
    };
    assert_eq!(check(false, F::NotFulfilled, 1), None);
    assert_eq!(check(false, F::Canceled, 1), None);
    assert_eq!(
        check(true, F::Fulfilled, 0).as_deref(),
        Some("Canceled swap cannot be fulfilled")
    );
    assert_eq!(
        check(false, F::Shipped, 0).as_deref(),
        Some("The swap was already fulfilled")
    );
    assert_eq!(
        check(false, F::NotFulfilled, 0).as_deref(),
        Some("Cannot fulfill an swap that doesn't have shipping methods")
    );
    let line = |quantity, before, added| LineProgress {
        quantity,
        before,
        added,
    };
    assert_eq!(
        after_fulfillment::<F>(&[line(2, None, Some(2))]),
        F::Fulfilled
    );
    assert_eq!(
        after_fulfillment::<F>(&[line(2, None, Some(1))]),
        F::RequiresAction
    );
    assert_eq!(
        after_shipment::<F>(&[line(2, Some(0), Some(2))]),
        F::Shipped
    );
    assert_eq!(
        after_shipment::<F>(&[line(2, Some(0), Some(2)), line(1, None, None)]),
        F::PartiallyShipped
    );
    assert_eq!(
        check_shippable(true).unwrap_err().to_string(),
        "Canceled swap cannot be fulfilled as shipped"
    );
}
