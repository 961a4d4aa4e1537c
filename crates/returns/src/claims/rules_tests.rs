//! Tables of cases for the claim rules: each row an input and Medusa's outcome (`Ok`, or
//! its message).

use super::*;
use medusa_order::status::LineProgress;

fn outcome(result: Result<()>) -> String {
    match result {
        Ok(()) => "ok".to_owned(),
        Err(err) => err.to_string(),
    }
}

fn check<T: std::fmt::Debug>(cases: &[(T, &str)], run: impl Fn(&T) -> Result<()>) {
    for (input, expected) in cases {
        let got = outcome(run(input));
        assert!(
            got.contains(expected),
            "{input:?}: expected {expected:?}, got {got:?}"
        );
    }
}

#[test]
fn new_claims() {
    let cases = [
        ((Type::Replace, 1, 1, None), "ok"),
        ((Type::Refund, 0, 1, None), "ok"),
        ((Type::Refund, 0, 1, Some(500)), "ok"),
        ((Type::Replace, 1, 1, Some(0)), "ok"),
        (
            (Type::Replace, 0, 1, None),
            "Claims with type \"replace\" must have at least one additional item.",
        ),
        (
            (Type::Replace, 0, 0, None),
            "Claims with type \"replace\" must have at least one additional item.",
        ),
        (
            (Type::Refund, 0, 0, None),
            "Claims must have at least one claim item.",
        ),
        (
            (Type::Replace, 1, 1, Some(100)),
            "Claim has type \"replace\" but must be type \"refund\" to have a refund_amount.",
        ),
    ];
    check(&cases, |(kind, additional, items, refund)| {
        check_new_claim(kind, *additional, *items, *refund)
    });
}

#[test]
fn payment_status_on_creation() {
    assert_eq!(initial_payment_status(&Type::Refund), Payment::NotRefunded);
    assert_eq!(initial_payment_status(&Type::Replace), Payment::Na);
}

#[test]
fn refunded_lines() {
    let cases = [
        (None, 1, false),
        (Some(0), 1, false),
        (Some(1), 1, true),
        (Some(2), 1, true),
        (Some(1), 2, false),
    ];
    for (shipped, claimed, expected) in cases {
        assert_eq!(
            refunds_line(shipped, claimed),
            expected,
            "{shipped:?} {claimed}"
        );
    }
}

#[test]
fn reasons() {
    let cases = [
        (Some("missing_item"), Some(Reason::MissingItem)),
        (Some("wrong_item"), Some(Reason::WrongItem)),
        (Some("production_failure"), Some(Reason::ProductionFailure)),
        (Some("other"), Some(Reason::Other)),
        (Some("broken"), None),
        (None, None),
    ];
    for (given, expected) in cases {
        match (claim_reason(given), expected) {
            (Ok(reason), Some(expected)) => assert_eq!(reason, expected),
            (Err(err), None) => assert!(err.to_string().contains(
                "Claim Item reason must be one of \"missing_item\", \"wrong_item\", \"production_failure\" or \"other\"."
            )),
            (got, expected) => panic!("{given:?}: {got:?} vs {expected:?}"),
        }
    }
}

#[test]
fn claimable_lines() {
    let cases = [
        ((true, Some(2), 2), "ok"),
        ((true, Some(2), 1), "ok"),
        ((false, Some(2), 1), "Cannot claim a custom line item"),
        (
            (true, Some(1), 2),
            "Cannot claim more of an item than has been fulfilled.",
        ),
        (
            (true, None, 1),
            "Cannot claim more of an item than has been fulfilled.",
        ),
    ];
    check(&cases, |(variant, fulfilled, quantity)| {
        check_claimable(*variant, *fulfilled, *quantity)
    });
}

#[test]
fn tags_are_normalized() {
    assert_eq!(normalize_tag(" NEW "), "new");
    assert_eq!(normalize_tag(" tags"), "tags");
    assert_eq!(normalize_tag("fluff"), "fluff");
}

#[test]
fn fulfillable_claims() {
    use Fulfillment as F;
    let cases = [
        ((false, F::NotFulfilled, Type::Replace, 1), "ok"),
        ((false, F::Canceled, Type::Replace, 1), "ok"),
        (
            (true, F::NotFulfilled, Type::Replace, 1),
            "Canceled claim cannot be fulfilled",
        ),
        (
            (false, F::Fulfilled, Type::Replace, 1),
            "The claim has already been fulfilled.",
        ),
        (
            (false, F::RequiresAction, Type::Replace, 1),
            "The claim has already been fulfilled.",
        ),
        (
            (false, F::NotFulfilled, Type::Refund, 1),
            "Claims with the type \"refund\" can not be fulfilled.",
        ),
        (
            (false, F::NotFulfilled, Type::Replace, 0),
            "Cannot fulfill a claim without a shipping method.",
        ),
    ];
    check(&cases, |(canceled, status, kind, methods)| {
        check_fulfillable(*canceled, status, kind, *methods)
    });
}

fn line(quantity: i32, before: Option<i32>, added: Option<i32>) -> LineProgress {
    LineProgress {
        quantity,
        before,
        added,
    }
}

#[test]
fn statuses_after_fulfillment_and_shipment() {
    let cases = [
        (
            vec![line(1, None, Some(1))],
            Fulfillment::Fulfilled,
            Fulfillment::Shipped,
        ),
        (
            vec![line(2, None, Some(1))],
            Fulfillment::RequiresAction,
            Fulfillment::PartiallyShipped,
        ),
        (
            vec![line(1, None, Some(1)), line(1, None, None)],
            Fulfillment::RequiresAction,
            Fulfillment::PartiallyShipped,
        ),
        (
            vec![line(1, None, Some(1)), line(1, Some(1), None)],
            Fulfillment::Fulfilled,
            Fulfillment::Shipped,
        ),
        (vec![], Fulfillment::Fulfilled, Fulfillment::Shipped),
    ];
    for (lines, fulfilled, shipped) in cases {
        assert_eq!(
            after_fulfillment::<Fulfillment>(&lines),
            fulfilled,
            "{lines:?}"
        );
        assert_eq!(after_shipment::<Fulfillment>(&lines), shipped, "{lines:?}");
    }
}

#[test]
fn shipping_and_refund_guards() {
    assert_eq!(outcome(check_shippable(false)), "ok");
    assert!(
        outcome(check_shippable(true)).contains("Canceled claim cannot be fulfilled as shipped")
    );
    assert!(outcome(check_updatable(true)).contains("Canceled claim cannot be updated"));
    assert_eq!(outcome(check_updatable(false)), "ok");
    let cases = [
        ((false, Type::Refund), "ok"),
        ((true, Type::Refund), "Canceled claim cannot be processed"),
        (
            (false, Type::Replace),
            "Claim must have type \"refund\" to create a refund.",
        ),
    ];
    check(&cases, |(canceled, kind)| check_refundable(*canceled, kind));
}

#[test]
fn cancel_guards() {
    use ReturnStatusEnum as R;
    let cases = [
        ((None, 0, None), "ok"),
        ((Some(0), 0, Some(R::Canceled)), "ok"),
        (
            (Some(1200), 0, None),
            "Claim with a refund cannot be canceled",
        ),
        (
            (Some(1200), 1, Some(R::Requested)),
            "Claim with a refund cannot be canceled",
        ),
        (
            (None, 1, None),
            "All fulfillments must be canceled before the claim can be canceled",
        ),
        (
            (None, 1, Some(R::Requested)),
            "All fulfillments must be canceled before the claim can be canceled",
        ),
        (
            (None, 0, Some(R::Requested)),
            "Return must be canceled before the claim can be canceled",
        ),
        (
            (None, 0, Some(R::Received)),
            "Return must be canceled before the claim can be canceled",
        ),
    ];
    check(&cases, |(refund, open, ret)| {
        check_cancelable(*refund, *open, ret.as_ref())
    });
}
