import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { generateImportMap, type SanitizedConfig } from 'payload'
import { generateTypes } from 'payload/node'

import codegenConfig from '../../codegen'

import configPromise from '@payload-config'

import { renderAccessMarkdown } from '@/cms/access/renderMatrix'
import { fromRoot } from '@/core/paths'

import { artefactPaths } from './artefactPaths'

export { artefactPaths }

type Name = keyof typeof artefactPaths

async function readOrEmpty(file: string): Promise<string> {
  return fs.readFile(file, 'utf8').catch(() => '')
}

/** The GraphQL schema as SDL, exactly as `schema.graphql` holds it. */
export function printGraphQLSchema(config: SanitizedConfig): string {
  return printSchema(configToSchema(config).schema)
}

/** The typed document nodes of the operations, generated from the schema the config makes now. */
async function renderOperationTypes(schema: string): Promise<string> {
  const { generate } = await import('@graphql-codegen/cli')
  const [output] = await generate({ ...codegenConfig, schema, silent: true }, false)
  return output?.content ?? ''
}

/** Generates every artefact into a temporary folder and returns their contents. */
export async function renderArtefacts(config: SanitizedConfig): Promise<Record<Name, string>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'portal-generated-'))
  // Beside the real one: the import map holds paths relative to its own folder.
  const importMapFile = fromRoot(
    path.dirname(artefactPaths.importMap),
    `.importMap.${process.pid}.js`,
  )
  try {
    const typesFile = path.join(dir, 'payload-types.ts')
    await generateTypes(
      { ...config, typescript: { ...config.typescript, outputFile: typesFile } },
      { log: false },
    )
    await generateImportMap(
      {
        ...config,
        admin: { ...config.admin, importMap: { ...config.admin.importMap, importMapFile } },
      },
      { log: false, force: true },
    )
    return {
      types: await readOrEmpty(typesFile),
      importMap: await readOrEmpty(importMapFile),
      schema: printGraphQLSchema(config),
      access: renderAccessMarkdown(),
      operations: await renderOperationTypes(printGraphQLSchema(config)),
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
    await fs.rm(importMapFile, { force: true })
  }
}

/**
 * Compares each committed artefact with what the config generates now; with `write`, brings the
 * drifted ones up to date. Returns the paths that differed.
 */
export async function generateArtefacts({ write }: { write: boolean }): Promise<string[]> {
  const config = await configPromise
  const fresh = await renderArtefacts(config)
  const drifted: string[] = []
  for (const name of Object.keys(artefactPaths) as Name[]) {
    const file = fromRoot(artefactPaths[name])
    if ((await readOrEmpty(file)) === fresh[name]) continue
    drifted.push(artefactPaths[name])
    if (write) {
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, fresh[name])
    }
  }
  return drifted
}
