//! The parts of an order a test describes: addresses and line items (discounts are
//! `DiscountBuilder`'s, in `discount.rs`).

use sea_orm::prelude::Decimal;

/// An address; every field `None` unless set.
#[derive(Debug, Clone, Default)]
pub struct AddressFields {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub address_1: Option<String>,
    pub address_2: Option<String>,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub province: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
}

impl AddressFields {
    /// A name and a street address, the fields a checkout always asks for.
    pub fn new(
        first_name: &str,
        last_name: &str,
        address_1: &str,
        city: &str,
        country: &str,
    ) -> Self {
        Self {
            first_name: Some(first_name.to_owned()),
            last_name: Some(last_name.to_owned()),
            address_1: Some(address_1.to_owned()),
            city: Some(city.to_owned()),
            country_code: Some(country.to_owned()),
            ..Self::default()
        }
    }

    pub fn postal_code(mut self, code: &str) -> Self {
        self.postal_code = Some(code.to_owned());
        self
    }

    pub fn province(mut self, province: &str) -> Self {
        self.province = Some(province.to_owned());
        self
    }

    pub fn phone(mut self, phone: &str) -> Self {
        self.phone = Some(phone.to_owned());
        self
    }
}

/// A line item of an order: by default discountable, shipped by a profile, `metadata` `{}`,
/// nothing fulfilled.
#[must_use]
pub struct ItemBuilder {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) thumbnail: Option<String>,
    pub(crate) unit_price: i32,
    pub(crate) quantity: i32,
    pub(crate) variant_id: Option<String>,
    pub(crate) fulfilled: Option<i32>,
    pub(crate) shipped: Option<i32>,
    pub(crate) returned: Option<i32>,
    pub(crate) tax_lines: Vec<(f32, String, Option<String>)>,
    pub(crate) adjustments: Vec<(Decimal, Option<String>)>,
}

impl ItemBuilder {
    pub fn new(title: &str, unit_price: i32, quantity: i32) -> Self {
        Self {
            title: title.to_owned(),
            description: None,
            thumbnail: None,
            unit_price,
            quantity,
            variant_id: None,
            fulfilled: None,
            shipped: None,
            returned: None,
            tax_lines: Vec::new(),
            adjustments: Vec::new(),
        }
    }

    pub fn description(mut self, description: &str) -> Self {
        self.description = Some(description.to_owned());
        self
    }

    pub fn thumbnail(mut self, url: &str) -> Self {
        self.thumbnail = Some(url.to_owned());
        self
    }

    pub fn variant(mut self, variant_id: &str) -> Self {
        self.variant_id = Some(variant_id.to_owned());
        self
    }

    /// A tax line (`rate` in percent).
    pub fn tax_line(mut self, rate: f32, name: &str, code: &str) -> Self {
        self.tax_lines
            .push((rate, name.to_owned(), Some(code.to_owned())));
        self
    }

    /// A `discount` adjustment of `amount` (fractional amounts are allowed, as the column is
    /// `numeric`), for `discount_id` or none.
    pub fn adjustment(mut self, amount: Decimal, discount_id: Option<&str>) -> Self {
        self.adjustments
            .push((amount, discount_id.map(str::to_owned)));
        self
    }

    pub fn fulfilled(mut self, quantity: i32) -> Self {
        self.fulfilled = Some(quantity);
        self
    }

    pub fn shipped(mut self, quantity: i32) -> Self {
        self.shipped = Some(quantity);
        self
    }

    pub fn returned(mut self, quantity: i32) -> Self {
        self.returned = Some(quantity);
        self
    }
}
