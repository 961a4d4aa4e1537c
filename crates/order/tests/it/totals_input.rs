//! The mapping from an order's rows to the totals crate's input, case by case: each case
//! inserts an order with the builders, reads its rows as the retrieve does, and compares
//! `order_input` with the input Medusa's totals would see.

use medusa_core::FeatureFlags;
use medusa_order::totals::order_input;
use medusa_order::{plan_order_retrieve, OrderService, SeaOrderService};
use medusa_test_support::builders::{
    CustomerBuilder, DiscountBuilder, ItemBuilder, OrderBuilder, RegionBuilder,
};
use medusa_test_support::on_both_backends;
use medusa_totals::{Adjustment, DiscountRuleType, OrderInput, Region, TaxLine, TaxSettings};
use sea_orm::prelude::Decimal;
use sea_orm::DatabaseConnection;

on_both_backends!(rows_map_to_totals_input);

/// What the case's discount is.
#[derive(Clone, Copy)]
enum Kind {
    None,
    Percentage,
    FreeShipping,
}

/// One item row: unit price, quantity, tax rates, adjustment (amount, of the discount?),
/// shipped, returned.
type ItemRow = (i32, i32, Vec<f32>, Option<(Decimal, bool)>, i32, i32);

struct Case {
    name: &'static str,
    region_tax_rate: f32,
    gift_cards_taxable: bool,
    order_tax_rate: Option<f32>,
    discount: Kind,
    items: Vec<ItemRow>,
    payments: Vec<i32>,
    /// What `order_input` gives, ids left out (compared apart).
    want: OrderInput,
}

fn cases() -> Vec<Case> {
    let line = |rate: f64| TaxLine { rate };
    vec![
        Case {
            name: "tax lines with real rates, no discount",
            region_tax_rate: 12.5,
            gift_cards_taxable: true,
            order_tax_rate: None,
            discount: Kind::None,
            items: vec![
                (1950, 2, vec![0.1, 19.0], None, 0, 0),
                (1000, 1, vec![], None, 0, 0),
            ],
            payments: vec![4900],
            want: OrderInput {
                region: Region {
                    tax_rate: 12.5,
                    gift_cards_taxable: true,
                },
                payment_amounts: vec![4900],
                ..OrderInput::default()
            },
        },
        Case {
            name: "percentage discount with a fractional adjustment and a custom one",
            region_tax_rate: 0.0,
            gift_cards_taxable: false,
            order_tax_rate: None,
            discount: Kind::Percentage,
            items: vec![
                (
                    3350,
                    3,
                    vec![25.0],
                    Some((Decimal::new(10055, 1), true)),
                    3,
                    1,
                ),
                (2800, 1, vec![25.0], Some((Decimal::from(50), false)), 0, 0),
            ],
            payments: vec![],
            want: OrderInput::default(),
        },
        Case {
            name: "legacy order tax rate, free shipping",
            region_tax_rate: 20.0,
            gift_cards_taxable: false,
            order_tax_rate: Some(20.0),
            discount: Kind::FreeShipping,
            items: vec![(500, 4, vec![], None, 2, 2)],
            payments: vec![1200, 800],
            want: OrderInput {
                region: Region {
                    tax_rate: 20.0,
                    gift_cards_taxable: false,
                },
                tax: TaxSettings {
                    order_tax_rate: Some(20.0),
                    tax_inclusive_pricing: false,
                },
                payment_amounts: vec![1200, 800],
                ..OrderInput::default()
            },
        },
    ]
    .into_iter()
    .map(|mut case| {
        // The items' expected input follows from the case's rows.
        case.want.items = case
            .items
            .iter()
            .map(|(price, quantity, rates, adjustment, shipped, returned)| {
                medusa_totals::LineItem {
                    id: String::new(),
                    unit_price: i64::from(*price),
                    quantity: i64::from(*quantity),
                    allow_discounts: true,
                    includes_tax: false,
                    tax_lines: rates
                        .iter()
                        .map(|r| line(r.to_string().parse().unwrap()))
                        .collect(),
                    adjustments: adjustment
                        .iter()
                        .map(|(amount, of_discount)| Adjustment {
                            amount: amount.to_string().parse().unwrap(),
                            discount_id: of_discount.then(|| "discount".to_owned()),
                        })
                        .collect(),
                    returned_quantity: (*returned > 0).then_some(i64::from(*returned)),
                    shipped_quantity: (*shipped > 0).then_some(i64::from(*shipped)),
                }
            })
            .collect();
        case.want.discounts = match case.discount {
            Kind::None => vec![],
            Kind::Percentage => vec![medusa_totals::Discount {
                id: "discount".into(),
                rule_type: DiscountRuleType::Percentage,
            }],
            Kind::FreeShipping => vec![medusa_totals::Discount {
                id: "discount".into(),
                rule_type: DiscountRuleType::FreeShipping,
            }],
        };
        case
    })
    .collect()
}

async fn rows_map_to_totals_input(db: DatabaseConnection) {
    let service = SeaOrderService::new(db.clone(), FeatureFlags::default());
    let query = plan_order_retrieve("", true).unwrap();
    for (n, case) in cases().into_iter().enumerate() {
        let region = RegionBuilder::new(&format!("R{n}"))
            .currency("eur")
            .tax_rate(case.region_tax_rate)
            .gift_cards_taxable(case.gift_cards_taxable)
            .insert(&db)
            .await;
        let customer = CustomerBuilder::new(&format!("c{n}@example.com"))
            .insert(&db)
            .await;
        let discount = match case.discount {
            Kind::None => None,
            Kind::Percentage => Some(DiscountBuilder::new(&format!("P{n}")).percentage(10)),
            Kind::FreeShipping => Some(DiscountBuilder::new(&format!("F{n}")).free_shipping()),
        };
        let discount = match discount {
            Some(builder) => Some(builder.insert(&db).await.id),
            None => None,
        };
        let mut order = OrderBuilder::new(&region.id, "eur", &customer.id, &customer.email);
        if let Some(rate) = case.order_tax_rate {
            order = order.tax_rate(rate);
        }
        for (i, (price, quantity, rates, adjustment, shipped, returned)) in
            case.items.iter().enumerate()
        {
            let mut item = ItemBuilder::new(&format!("Item {i}"), *price, *quantity);
            for (j, rate) in rates.iter().enumerate() {
                // One line per code (a unique key of the table).
                item = item.tax_line(*rate, "VAT", &format!("vat{j}"));
            }
            if let Some((amount, of_discount)) = adjustment {
                let id = discount.as_deref().filter(|_| *of_discount);
                item = item.adjustment(*amount, id);
            }
            if *shipped > 0 {
                item = item.shipped(*shipped);
            }
            if *returned > 0 {
                item = item.returned(*returned);
            }
            order = order.item(item);
        }
        if let Some(id) = &discount {
            order = order.discount(id);
        }
        for amount in &case.payments {
            order = order.payment(*amount, "manual", true);
        }
        let built = order.insert(&db).await;

        let rows = service.rows(&built.order.id, &query).await.unwrap();
        let mut got = order_input(&rows);
        let ids: Vec<String> = built.items.iter().map(|i| i.id.clone()).collect();
        assert_eq!(
            got.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>(),
            ids,
            "{}: items in relation order",
            case.name
        );
        // Ids compared above; the discount's id stands as "discount".
        for item in &mut got.items {
            item.id.clear();
            for adjustment in &mut item.adjustments {
                if adjustment.discount_id.is_some() {
                    assert_eq!(adjustment.discount_id, discount, "{}", case.name);
                    adjustment.discount_id = Some("discount".into());
                }
            }
        }
        for d in &mut got.discounts {
            assert_eq!(Some(&d.id), discount.as_ref(), "{}", case.name);
            d.id = "discount".into();
        }
        assert_eq!(got, case.want, "{}", case.name);
    }
}
