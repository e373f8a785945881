import { spawn } from 'node:child_process'

test('SIGTERM: the in-flight request finishes, new ones are refused, the process exits 0', async () => {
  const child = spawn(
    process.execPath,
    ['--conditions=development', '.server/test-shutdown-server.mjs'],
    {
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stderr.on('data', (chunk) => (output += chunk))
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      const match = /listening (\d+)/.exec(output)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`server exited early (${code}):\n${output}`)))
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))

  const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then(async (res) => [
    res.status,
    await res.text(),
  ])
  await new Promise((resolve) => setTimeout(resolve, 300))
  child.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 300))

  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
  expect(await inFlight).toEqual([200, 'slow response finished'])
  expect(await exited).toBe(0)
  expect(output).toContain('SIGTERM received')
  expect(output).toContain('stopped')
})
