// A tiny static server for the built admin dashboard, with the SPA fallback the dashboard
// needs: every path under the base path that is not a file answers index.html.
// Usage: node static-server.mjs <build dir> <port> [base path, default /app] [host, default 127.0.0.1]
import { createServer } from "node:http"
import { createReadStream, statSync } from "node:fs"
import { extname, join, normalize, resolve } from "node:path"

const [dir, port, base = "/app", host = "127.0.0.1"] = process.argv.slice(2)
if (!dir || !port) {
  console.error("usage: node static-server.mjs <build dir> <port> [base path] [host]")
  process.exit(2)
}
const root = resolve(dir)
const prefix = base.replace(/\/+$/, "")
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".map": "application/json",
}

function fileAt(rel) {
  const path = normalize(join(root, rel))
  if (!path.startsWith(root)) return null
  try {
    return statSync(path).isFile() ? path : null
  } catch {
    return null
  }
}

function send(res, path, status = 200) {
  res.writeHead(status, {
    "content-type": types[extname(path)] || "application/octet-stream",
    "cache-control": "no-cache",
  })
  createReadStream(path).pipe(res)
}

createServer((req, res) => {
  const url = new URL(req.url, "http://x")
  let pathname
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    pathname = url.pathname
  }
  if (pathname === "/" || pathname === "") {
    res.writeHead(302, { location: `${prefix}/` })
    return res.end()
  }
  const inApp = prefix === "" || pathname === prefix || pathname.startsWith(`${prefix}/`)
  const rel = inApp ? pathname.slice(prefix.length) : pathname
  // Files of the build; `public/` holds what Medusa's own server serves beside the app
  // (logo.svg, the locales), so `/logo.svg` resolves as there.
  const file = fileAt(rel) || fileAt(join("public", rel))
  if (file) return send(res, file)
  if (inApp && !extname(rel)) return send(res, join(root, "index.html"))
  res.writeHead(404, { "content-type": "text/plain" })
  res.end("Not found")
}).listen(Number(port), host, () => {
  console.log(`serving ${root} on http://${host}:${port}${prefix}/`)
})
