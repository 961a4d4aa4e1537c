// The dashboard's create forms, its import and export buttons and its inventory screens, each
// driven through the UI (click, type, submit) and checked twice: the request the form sends
// answers 2xx, and what it made shows on the page afterwards. Run by dashboard.mjs after the
// read-only pages; each step is one entry of its report.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { allowDownloads, downloadUrls, downloaded, escapeRe, sleep } from "./dashboard-ui.mjs"

// A product in Medusa's import format (`;`-separated, the export's column names).
const IMPORT_CSV =
  "Product Handle;Product Title;Product Status;Variant Title;Variant SKU;Variant Inventory Quantity\r\n" +
  "e2e-import-mug;E2E Import Mug;published;One size;E2E-MUG-1;10\r\n"

export function flowPages({ page, ui, data, api, adminUrl, waitText, settle, out, timeout }) {
  const go = async (path) => {
    await page.goto(adminUrl + path, { waitUntil: "domcontentloaded" })
    await settle()
  }
  const downloads = join(out, "downloads")
  const stamp = Date.now().toString(36).toUpperCase()
  const made = {} // what the steps made, for the steps after them
  // A list page's button that opens a form, and the texts that show the form is open.
  const openForm = async (path, button, texts) => {
    await go(path)
    await ui.click("button", button)
    await waitText(page, texts)
  }

  // Waits through the API until the batch job is done; fails unless it completed.
  async function jobDone(id) {
    const start = Date.now()
    for (;;) {
      const { batch_job: job } = await api("GET", `/admin/batch-jobs/${id}`)
      if (["completed", "failed", "canceled"].includes(job.status)) {
        if (job.status !== "completed") {
          throw new Error(`batch job ${job.type} ended ${job.status}: ${JSON.stringify(job.result?.errors || [])}`)
        }
        for (const step of ["created_at", "confirmed_at", "completed_at"]) {
          if (!job[step]) throw new Error(`batch job ${job.type} completed without ${step}`)
        }
        return job
      }
      if (Date.now() - start > timeout) throw new Error(`batch job ${job.type} still ${job.status} after ${timeout / 1000} s`)
      await sleep(500)
    }
  }

  // An export from a list page's button: the job is created from the modal, completes in the
  // server's worker, and the activity drawer's Download asks for a download URL whose file
  // Chromium then saves.
  async function exportFrom(path, button, type, firstColumn, mustContain) {
    await go(path)
    await ui.click("button", button)
    const { body } = await ui.expectCall("POST", /^\/admin\/batch-jobs$/, () => ui.click("button", "Export"))
    const job = body?.batch_job
    if (job?.type !== type) throw new Error(`the export created a ${job?.type} job, not ${type}`)
    const done = await jobDone(job.id)
    await ui.openActivity()
    mkdirSync(downloads, { recursive: true })
    await allowDownloads(page, downloads)
    const before = new Set(readdirSync(downloads))
    // The drawer lists the newest job first.
    const { sent, body: link } = await ui.expectCall("POST", /^\/admin\/uploads\/download-url$/, () =>
      ui.click("button", "Download", { first: true }),
    )
    if (sent?.file_key !== done.result.file_key) {
      throw new Error(`Download asked for ${sent?.file_key}, the job's file is ${done.result.file_key}`)
    }
    const file = await downloaded(downloads, before, timeout)
    if (!file) throw new Error(`no file was downloaded within ${timeout / 1000} s`)
    downloadUrls.add(new URL(link.download_url).href)
    if (!file.text.startsWith(firstColumn)) {
      throw new Error(`the downloaded ${file.name} starts ${JSON.stringify(file.text.slice(0, 40))}, not ${firstColumn}`)
    }
    if (mustContain && !file.text.includes(mustContain)) throw new Error(`the downloaded ${file.name} lacks ${mustContain}`)
  }

  return [
    {
      name: "discount-create",
      async go() {
        const code = `E2E${stamp}`
        await openForm("/a/discounts", "Add Discount", ["Create new discount"])
        await ui.click("[aria-expanded]", /^General/) // the accordion's section
        await ui.fill('input[name="code"]', code)
        await ui.fill('input[name="rule.value"]', 15)
        await ui.fill('textarea[name="rule.description"]', "made by the e2e dashboard check")
        // Last: the region select's menu stays open over the fields below it.
        await ui.choose("Choose valid regions", data.regionName)
        await ui.shot("discount-filled")
        // A click beside the select closes its menu (a click on a button would only do that).
        await ui.click("h1", "Create new discount")
        const { body } = await ui.expectCall("POST", /^\/admin\/discounts$/, () => ui.click("button", "Publish discount"))
        const discount = body?.discount
        if (discount?.code !== code || discount?.rule?.value !== 15) {
          throw new Error(`the discount answered ${JSON.stringify({ code: discount?.code, value: discount?.rule?.value })}`)
        }
        await ui.waitGone("Create new discount")
        await waitText(page, [code])
        await ui.clickTo("td, tr", new RegExp(`^${code}`), `/a/discounts/${discount.id}`, { first: true })
        await waitText(page, [code, "15"])
      },
    },
    {
      name: "gift-card-create",
      async go() {
        const email = `e2e-gift-${stamp.toLowerCase()}@example.com`
        await openForm("/a/gift-cards", "Custom Gift Card", ["Custom Gift Card", "Receiver"])
        const amount = await ui.inputByLabel("Amount")
        await amount.click({ clickCount: 3 })
        await amount.type("25")
        await ui.fill('input[name="receiver.email"]', email)
        const { body } = await ui.expectCall("POST", /^\/admin\/gift-cards$/, () => ui.click("button", "Create and send"))
        const card = body?.gift_card
        if (!card?.code || card.value !== 2500) throw new Error(`the gift card answered ${JSON.stringify(card)}`)
        await ui.waitGone("Create and send")
        await waitText(page, [card.code])
        await ui.clickTo("td, tr", card.code, `/a/gift-cards/${card.id}`, { first: true })
        await waitText(page, [card.code])
      },
    },
    {
      name: "product-export",
      go: () => exportFrom("/a/products", "Export Products", "product-export", "Product Id;", data.productId),
    },
    {
      name: "product-import",
      async go() {
        const csv = join(out, "e2e-import.csv")
        writeFileSync(csv, IMPORT_CSV)
        await openForm("/a/products", "Import Products", ["Import products list"])
        const input = await page.waitForSelector('input[type="file"]', { timeout })
        const { body } = await ui.expectCall("POST", /^\/admin\/batch-jobs$/, () => input.uploadFile(csv))
        const job = body?.batch_job
        if (job?.type !== "product-import") throw new Error(`the upload created a ${job?.type} job`)
        // The pre-processed summary: one product to create, none to update.
        await ui.waitMatch(/\b1\s+new products/)
        await ui.expectCall("POST", new RegExp(`^/admin/batch-jobs/${job.id}/confirm$`), () =>
          ui.click("button", "Import List"),
        )
        await jobDone(job.id)
        await go("/a/products")
        await waitText(page, ["E2E Import Mug"])
      },
    },
    {
      name: "order-export",
      go: () => exportFrom("/a/orders", "Export Orders", "order-export", "Order_ID;", data.orderId),
    },
    {
      name: "location-create",
      async go() {
        const name = `E2E Warehouse ${stamp}`
        await openForm("/a/inventory/locations", "Add location", ["Add new location"])
        await ui.fill('input[name="general.name"]', name)
        const { body } = await ui.expectCall("POST", /^\/admin\/stock-locations$/, () => ui.click("button", "Add location"))
        made.location = body?.stock_location
        if (made.location?.name !== name) throw new Error(`the location answered ${JSON.stringify(made.location)}`)
        await ui.waitGone("Add new location")
        await waitText(page, [name])
      },
    },
    {
      name: "inventory",
      async go() {
        if (!made.location) throw new Error("no location (location-create failed)")
        // An inventory item for the imported product's variant, stocked at the new location
        // (set up through the API: the dashboard makes items with products, not alone).
        const { products } = await api("GET", "/admin/products?handle=e2e-import-mug&expand=variants")
        const variant = products?.[0]?.variants?.[0]
        if (!variant) throw new Error("no variant E2E-MUG-1 (product-import failed)")
        const { inventory_item: item } = await api("POST", "/admin/inventory-items", {
          variant_id: variant.id,
          sku: "E2E-MUG-1",
        })
        await api("POST", `/admin/inventory-items/${item.id}/location-levels`, {
          location_id: made.location.id,
          stocked_quantity: 5,
        })
        await go("/a/inventory")
        await waitText(page, ["E2E-MUG-1"])
        await ui.click("td", "E2E-MUG-1", { first: true })
        await waitText(page, ["Adjust availability"])
        const qty = await page.waitForSelector('input[type="number"]', { visible: true, timeout })
        await qty.click({ clickCount: 3 })
        await qty.type("7")
        const levelPath = new RegExp(`^/admin/inventory-items/${item.id}/location-levels/${made.location.id}$`)
        const { sent } = await ui.expectCall("POST", levelPath, () => ui.click("button", "Save and close"))
        if (sent?.stocked_quantity !== 7) throw new Error(`the level was sent ${JSON.stringify(sent)}`)
        await ui.waitGone("Adjust availability")
        const row = await ui.find("tr", /E2E-MUG-1/)
        await page.waitForFunction((tr) => /(^|\s)7(\s|$)/.test(tr.innerText), { timeout }, row).catch(() => {
          throw new Error("the inventory row does not show the adjusted quantity 7")
        })
      },
    },
    {
      name: "draft-order-create",
      async go() {
        const email = `e2e-draft-${stamp.toLowerCase()}@example.com`
        await openForm("/a/draft-orders", "Create draft order", ["Create Draft Order", "Choose region"])
        await ui.choose("Region", data.regionName)
        await ui.click("button", "Next")
        await ui.click("button", "Add Existing")
        await ui.shot("draft-products")
        // A variant of the store's first product (priced in the region: the setup's order
        // was placed with it), found with the picker's search.
        await ui.fill('input[placeholder="Search Products.."]', data.productTitle)
        const row = await ui.find("tbody tr", new RegExp(escapeRe(data.productTitle)), { first: true })
        const box = await row.waitForSelector('div[class*="border-grey-30"][class*="cursor-pointer"]', { visible: true, timeout })
        await box.click()
        await ui.click("button", "Add")
        await waitText(page, ["Items for the order"])
        await ui.shot("draft-items")
        await ui.click("button", "Next")
        await ui.choose("Choose a shipping method", data.shippingOptionName)
        await ui.shot("draft-shipping")
        await ui.click("button", "Next")
        await ui.fill('input[name="email"]', email)
        await ui.fill('input[name="shipping_address.first_name"]', "Erin")
        await ui.fill('input[name="shipping_address.last_name"]', "Endtoend")
        await ui.fill('input[name="shipping_address.address_1"]', "1 Test Street")
        await ui.fill('input[name="shipping_address.city"]', "Copenhagen")
        await ui.fill('input[name="shipping_address.postal_code"]', "2100")
        await ui.choose("Country", data.countryName)
        await ui.shot("draft-address")
        await ui.click("button", "Next")
        await ui.click("span", "Use same as shipping")
        await ui.click("button", "Next")
        const { body } = await ui.expectCall("POST", /^\/admin\/draft-orders$/, () => ui.click("button", "Submit"))
        const draft = body?.draft_order
        await ui.shot("draft-created")
        if (!draft?.id) throw new Error(`the draft order answered ${JSON.stringify(body)}`)
        await ui.waitPath(`/a/draft-orders/${draft.id}`)
        await waitText(page, [`#${draft.display_id}`, email])
        await ui.click("button", "Mark as paid")
        const { body: paid } = await ui.expectCall("POST", new RegExp(`^/admin/draft-orders/${draft.id}/pay$`), () =>
          ui.click("button", "Mark paid"),
        )
        if (!paid?.order?.id) throw new Error(`paying the draft answered ${JSON.stringify(paid)}`)
        await ui.waitGone("This will create an order")
        await waitText(page, ["Completed"])
        await go(`/a/orders/${paid.order.id}`)
        await waitText(page, [`#${paid.order.display_id}`, email])
        await settle()
      },
    },
  ]
}
