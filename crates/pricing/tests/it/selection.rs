//! Medusa's price selection as tables of cases. The rows are those of Medusa 1.20's own tests
//! (`strategies/__tests__/price-selection.js`, `utils/__tests__/calculate-price-tax-amount.ts`),
//! with their figures; the tax-inclusive rows are the ones Medusa keeps there for its flag.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, TimeZone, Utc};
use medusa_entity::sea_orm_active_enums::{PriceListStatusEnum, PriceListTypeEnum};
use medusa_entity::{money_amount, price_list};
use medusa_pricing::selection::{
    combined_rate, select, taxes, Candidate, Context, ListTerms, PriceType, Selected, Taxed,
};
use medusa_pricing::variant_prices::{Admission, Audience, LoadedPrice};

const REGION: &str = "test-region";

/// `(original_price, calculated_price, calculated_price_type)`.
type Prices = (Option<i64>, Option<i64>, Option<PriceType>);
/// `(original_price_includes_tax, calculated_price_includes_tax)`.
type Includes = (Option<bool>, Option<bool>);
const DKK: &str = "dkk";

/// A price in the mock's shape: `region`/`currency` say whether the row carries the context's
/// region id / currency code (Medusa's mock copies them from the query).
fn price(amount: i64, region: bool, currency: bool) -> Candidate {
    Candidate {
        amount,
        region_id: region.then(|| REGION.to_owned()),
        currency_code: currency.then(|| DKK.to_owned()),
        ..Candidate::default()
    }
}

fn sale(mut c: Candidate) -> Candidate {
    c.price_list = Some(ListTerms {
        kind: PriceType::Sale,
        includes_tax: false,
    });
    c
}

fn tiers(mut c: Candidate, min: i64, max: i64) -> Candidate {
    c.min_quantity = Some(min);
    c.max_quantity = Some(max);
    c
}

fn context(quantity: Option<i64>, tax_rate: Option<f64>, tax_inclusive: bool) -> Context<'static> {
    Context {
        region_id: Some(REGION),
        currency_code: Some(DKK),
        quantity,
        tax_rate,
        tax_inclusive,
    }
}

/// `(original, calculated, type)`, and the two `includes_tax` under the flag.
fn check(name: &str, prices: &[Candidate], ctx: Context, expected: Prices, includes: Includes) {
    let got = select(prices, &ctx);
    let want = Selected {
        original_price: expected.0,
        calculated_price: expected.1,
        calculated_price_type: expected.2,
        original_price_includes_tax: includes.0,
        calculated_price_includes_tax: includes.1,
    };
    assert_eq!(
        got, want,
        "{name} (tax-inclusive flag {})",
        ctx.tax_inclusive
    );
}

#[test]
fn medusa_selection_cases_with_and_without_the_flag() {
    let customer_1 = [price(100, true, true), sale(price(50, true, true))];
    let customer_2 = [
        price(100, true, true),
        tiers(sale(price(30, true, true)), 10, 12),
        tiers(sale(price(20, true, true)), 3, 5),
        tiers(sale(price(50, true, true)), 5, 10),
    ];
    use PriceType::*;
    for flag in [true, false] {
        let inc = |o: bool, c: bool| {
            if flag {
                (Some(o), Some(c))
            } else {
                (None, None)
            }
        };
        let rows: &[(&str, &[Candidate], Option<i64>, Prices)] = &[
            (
                "Variant with only default price",
                &[price(100, true, true)],
                None,
                (Some(100), Some(100), Some(Default)),
            ),
            (
                "Lowest valid price is returned",
                &customer_1,
                None,
                (Some(100), Some(50), Some(Sale)),
            ),
            (
                "Prices with quantity limits are ignored with no provided quantity",
                &customer_2,
                None,
                (Some(100), Some(100), Some(Default)),
            ),
            (
                "Prices with quantity limits are applied correctly when a quantity is provided",
                &customer_2,
                Some(7),
                (Some(100), Some(50), Some(Sale)),
            ),
            ("No prices", &[], None, (None, None, None)),
        ];
        for (name, prices, quantity, expected) in rows {
            let includes = if expected.1.is_some() {
                inc(false, false)
            } else {
                (None, None)
            };
            check(
                name,
                prices,
                context(*quantity, None, flag),
                *expected,
                includes,
            );
        }
    }
}

#[test]
fn medusa_tax_inclusive_cases() {
    let region_incl = |amount| Candidate {
        region_includes_tax: true,
        ..price(amount, true, false)
    };
    let currency_incl = |amount| Candidate {
        currency_includes_tax: true,
        ..price(amount, false, true)
    };
    let list = |amount, includes_tax| Candidate {
        price_list: Some(ListTerms {
            kind: PriceType::Sale,
            includes_tax,
        }),
        ..price(amount, false, true)
    };
    let mixed = [
        Candidate {
            region_includes_tax: false,
            ..price(100, true, false)
        },
        list(95, false),
        list(110, true),
        list(150, false),
    ];
    use PriceType::*;
    type Row = (&'static str, Vec<Candidate>, Option<f64>, Prices, Includes);
    let rows: &[Row] = &[
        (
            "Variant with tax inclusive prices",
            vec![region_incl(100), currency_incl(120)],
            None,
            (Some(100), Some(100), Some(Default)),
            (Some(true), Some(true)),
        ),
        (
            "Variant with mixed pricing tax inclusive prices currency",
            vec![price(100, true, false), currency_incl(100)],
            Some(0.25),
            (Some(100), Some(100), Some(Default)),
            (Some(false), Some(true)),
        ),
        (
            "Variant with mixed pricing tax inclusive prices region",
            vec![region_incl(100), price(100, false, true)],
            Some(0.25),
            (Some(100), Some(100), Some(Default)),
            (Some(true), Some(true)),
        ),
        (
            "Variant with mixed tax prices (favoring tax inclusive)",
            mixed.to_vec(),
            Some(0.25),
            (Some(100), Some(110), Some(Sale)),
            (Some(false), Some(true)),
        ),
        // Medusa's row passes `tax_rate`, which selection does not read: no rate, no mixing.
        (
            "Variant with mixed tax price (favoring tax exclusive)",
            mixed.to_vec(),
            None,
            (Some(100), Some(95), Some(Sale)),
            (Some(false), Some(false)),
        ),
    ];
    for (name, prices, rate, expected, includes) in rows {
        check(
            name,
            prices,
            context(None, *rate, true),
            *expected,
            *includes,
        );
    }
}

#[test]
fn selection_edges_read_from_medusas_conditions() {
    use PriceType::*;
    let only_region = Context {
        currency_code: None,
        ..context(None, None, false)
    };
    let only_currency = Context {
        region_id: None,
        ..context(None, None, false)
    };
    let no_min = Candidate {
        max_quantity: Some(5),
        ..sale(price(10, true, true))
    };
    let zero_min = Candidate {
        min_quantity: Some(0),
        ..price(90, true, true)
    };
    let rows: &[(&str, Vec<Candidate>, Context, Prices)] = &[
        // A region's base price beats a currency's as the original, in either order.
        (
            "region after currency",
            vec![price(120, false, true), price(100, true, false)],
            context(None, None, false),
            (Some(100), Some(100), Some(Default)),
        ),
        (
            "region before currency",
            vec![price(100, true, false), price(120, false, true)],
            context(None, None, false),
            (Some(100), Some(100), Some(Default)),
        ),
        (
            "only the region asked",
            vec![price(120, false, true), price(100, true, false)],
            only_region,
            (Some(100), Some(100), Some(Default)),
        ),
        (
            "only the currency asked",
            vec![price(120, false, true), price(100, true, false)],
            only_currency,
            (Some(120), Some(120), Some(Default)),
        ),
        // Without a quantity an upper bound alone still applies; a 0 lower bound counts as none
        // there, but such a price is never the original.
        (
            "upper bound only",
            vec![price(100, true, true), no_min],
            context(None, None, false),
            (Some(100), Some(10), Some(Sale)),
        ),
        (
            "zero lower bound",
            vec![zero_min],
            context(None, None, false),
            (None, Some(90), Some(Default)),
        ),
        // Ties keep the first.
        (
            "tie keeps the first",
            vec![price(100, true, true), sale(price(100, true, true))],
            context(None, None, false),
            (Some(100), Some(100), Some(Default)),
        ),
        (
            "nothing in context",
            vec![price(100, true, true)],
            Context::default(),
            (None, None, None),
        ),
    ];
    for (name, prices, ctx, expected) in rows {
        check(name, prices, *ctx, *expected, (None, None));
    }
}

#[test]
fn taxes_round_as_javascript() {
    // Medusa's calculatePriceTaxAmount cases, rounded by its pricing service.
    let rows: &[(i64, f64, bool, i64, i64)] = &[
        (150, 0.19, false, 29, 179),
        (120, 0.17, false, 20, 140),
        (115, 0.15, true, 15, 115),
        (2150, 0.17, true, 312, 2150),
        (100, 0.0, false, 0, 100),
    ];
    for &(amount, rate, includes, tax, with_tax) in rows {
        let selected = Selected {
            original_price: Some(amount),
            calculated_price: Some(amount),
            original_price_includes_tax: Some(includes),
            calculated_price_includes_tax: Some(includes),
            ..Selected::default()
        };
        let want = Taxed {
            original_tax: Some(tax),
            calculated_tax: Some(tax),
            original_price_incl_tax: Some(with_tax),
            calculated_price_incl_tax: Some(with_tax),
        };
        assert_eq!(taxes(&selected, rate), want, "{amount} at {rate}");
    }
    assert_eq!(taxes(&Selected::default(), 0.25), Taxed::default());
    assert_eq!(combined_rate([Some(12.5), None, Some(7.5)]), 0.2);
}

fn loaded(
    id: &str,
    currency: &str,
    region: Option<&str>,
    list: Option<price_list::Model>,
) -> LoadedPrice {
    let at = Utc
        .with_ymd_and_hms(2024, 1, 1, 0, 0, 0)
        .unwrap()
        .fixed_offset();
    LoadedPrice {
        variant_id: "v".into(),
        price: money_amount::Model {
            id: id.into(),
            currency_code: currency.into(),
            amount: 100,
            region_id: region.map(str::to_owned),
            created_at: at,
            updated_at: at,
            deleted_at: None,
            min_quantity: None,
            max_quantity: None,
            price_list_id: list
                .as_ref()
                .map(|l| l.id.clone())
                .or_else(|| id.strip_prefix("dead:").map(str::to_owned)),
        },
        list,
    }
}

fn list(
    id: &str,
    status: PriceListStatusEnum,
    starts: Option<i64>,
    ends: Option<i64>,
) -> price_list::Model {
    let now = Utc::now();
    let at = now.fixed_offset();
    let day = |d: i64| (now + Duration::days(d)).fixed_offset();
    price_list::Model {
        id: id.into(),
        name: id.into(),
        description: String::new(),
        r#type: PriceListTypeEnum::Sale,
        status,
        starts_at: starts.map(day),
        ends_at: ends.map(day),
        created_at: at,
        updated_at: at,
        deleted_at: None,
    }
}

/// Which prices Medusa's `findManyForVariantsInRegion` returns, as the admin variant list
/// asks (`include_discount_prices`), with the validity and customer-group rules of its joins.
#[test]
fn admission_follows_medusas_candidate_query() {
    use PriceListStatusEnum::*;
    let groups = |live: &[&str], dead: bool| Audience {
        live_groups: live.iter().map(|g| g.to_string()).collect(),
        dead_link: dead,
    };
    let audiences: HashMap<String, Audience> = [
        ("vip".to_owned(), groups(&["g1"], false)),
        ("half-dead".to_owned(), groups(&["g2"], true)),
    ]
    .into();
    let base = Admission {
        region_id: Some("reg"),
        currency_code: Some("eur"),
        include_discount_prices: true,
        now: Utc::now(),
        ..Admission::default()
    };
    let customer = Admission {
        customer_id: Some("cus"),
        customer_groups: HashSet::from(["g1".to_owned()]),
        ..base.clone()
    };
    let no_context = Admission {
        region_id: None,
        currency_code: None,
        ..base.clone()
    };
    let retrieve = Admission {
        include_discount_prices: false,
        ..no_context.clone()
    };
    let rows: &[(&str, LoadedPrice, &Admission, bool)] = &[
        (
            "base price in currency",
            loaded("a", "eur", None, None),
            &base,
            true,
        ),
        (
            "base price in region",
            loaded("b", "usd", Some("reg"), None),
            &base,
            true,
        ),
        (
            "other currency",
            loaded("c", "usd", None, None),
            &base,
            false,
        ),
        (
            "active list",
            loaded("d", "eur", None, Some(list("pl", Active, None, None))),
            &base,
            true,
        ),
        (
            "draft list",
            loaded("e", "eur", None, Some(list("pl", Draft, None, None))),
            &base,
            false,
        ),
        (
            "expired list",
            loaded(
                "f",
                "eur",
                None,
                Some(list("pl", Active, Some(-10), Some(-1))),
            ),
            &base,
            false,
        ),
        (
            "list not started",
            loaded("g", "eur", None, Some(list("pl", Active, Some(1), None))),
            &base,
            false,
        ),
        (
            "open list with dates",
            loaded(
                "h",
                "eur",
                None,
                Some(list("pl", Active, Some(-1), Some(1))),
            ),
            &base,
            true,
        ),
        (
            "deleted list",
            loaded("dead:pl", "eur", None, None),
            &base,
            false,
        ),
        (
            "group list, no customer",
            loaded("i", "eur", None, Some(list("vip", Active, None, None))),
            &base,
            false,
        ),
        (
            "group list, member",
            loaded("j", "eur", None, Some(list("vip", Active, None, None))),
            &customer,
            true,
        ),
        (
            "group list with a deleted group",
            loaded(
                "k",
                "eur",
                None,
                Some(list("half-dead", Active, None, None)),
            ),
            &base,
            true,
        ),
        (
            "no context: lists included",
            loaded("l", "eur", None, Some(list("pl", Active, None, None))),
            &no_context,
            true,
        ),
        (
            "retrieve: base prices only",
            loaded("m", "eur", None, Some(list("pl", Active, None, None))),
            &retrieve,
            false,
        ),
        (
            "retrieve: base price",
            loaded("n", "usd", None, None),
            &retrieve,
            true,
        ),
    ];
    for (name, price, admission, expected) in rows {
        assert_eq!(admission.admits(price, &audiences), *expected, "{name}");
    }
}
