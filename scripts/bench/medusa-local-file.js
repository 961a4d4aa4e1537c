// A file service for the benchmark's Medusa (its install ships none): files live under
// $BENCH_MEDUSA_UPLOADS, keyed by name; reads and writes are streamed. import.sh copies it
// into the Medusa project's dist/services, where Medusa loads a project's own services.
"use strict"
const fs = require("fs")
const path = require("path")
const stream = require("stream")
const { AbstractFileService } = require("@medusajs/medusa")

class BenchLocalFileService extends AbstractFileService {
  constructor(container, options) {
    super(container, options)
    this.dir_ = process.env.BENCH_MEDUSA_UPLOADS || path.resolve("uploads", "bench")
    fs.mkdirSync(this.dir_, { recursive: true })
  }

  fullPath_(key) {
    return path.join(this.dir_, path.basename(key))
  }

  async upload(file) {
    const key = `${Date.now()}-${path.basename(file.originalname)}`
    // multer left the upload in a temporary file: moved, never read into memory.
    await fs.promises.copyFile(file.path, this.fullPath_(key))
    return { url: this.fullPath_(key), key }
  }

  async uploadProtected(file) {
    return this.upload(file)
  }

  async delete({ fileKey }) {
    await fs.promises.rm(this.fullPath_(fileKey), { force: true })
  }

  async getUploadStreamDescriptor({ name, ext }) {
    const fileKey = `${name}.${ext}`
    const pass = new stream.PassThrough()
    const out = fs.createWriteStream(this.fullPath_(fileKey))
    const done = new Promise((resolve, reject) => {
      out.on("finish", resolve)
      out.on("error", reject)
    })
    pass.pipe(out)
    return { writeStream: pass, promise: done, url: this.fullPath_(fileKey), fileKey }
  }

  async getDownloadStream({ fileKey }) {
    return fs.createReadStream(this.fullPath_(fileKey))
  }

  async getPresignedDownloadUrl({ fileKey }) {
    return this.fullPath_(fileKey)
  }
}

exports.default = BenchLocalFileService
