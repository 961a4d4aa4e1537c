//! `/admin/shipping-profiles`.

use medusa_shipping::{CreateShippingProfile, UpdateShippingProfile};

use crate::handlers::{deleted, wrapped, Answer, Body, Id, State};

/// `GET /admin/shipping-profiles`
pub async fn list_shipping_profiles(state: State) -> Answer {
    wrapped("shipping_profiles", state.shipping_profiles.list().await?)
}

/// `GET /admin/shipping-profiles/{id}`
pub async fn get_shipping_profile(state: State, id: Id) -> Answer {
    wrapped(
        "shipping_profile",
        state.shipping_profiles.retrieve(&id).await?,
    )
}

/// `POST /admin/shipping-profiles`
pub async fn create_shipping_profile(state: State, body: Body) -> Answer {
    let input = CreateShippingProfile::from_body(body.0)?;
    wrapped(
        "shipping_profile",
        state.shipping_profiles.create(input).await?,
    )
}

/// `POST /admin/shipping-profiles/{id}`
pub async fn update_shipping_profile(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateShippingProfile::from_body(body.0)?;
    wrapped(
        "shipping_profile",
        state.shipping_profiles.update(&id, input).await?,
    )
}

/// `DELETE /admin/shipping-profiles/{id}`
pub async fn delete_shipping_profile(state: State, id: Id) -> Answer {
    state.shipping_profiles.delete(&id).await?;
    Ok(deleted(&id, "shipping_profile"))
}
