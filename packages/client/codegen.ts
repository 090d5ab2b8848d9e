import type { CodegenConfig } from '@graphql-codegen/cli';

/** Compiles the checked-in schema and the feature documents into one typed module. */
const config: CodegenConfig = {
  schema: '../../schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/graphql.ts': {
      plugins: [
        'typescript',
        'typescript-operations',
        'typed-document-node',
        './codegen/apollo-hooks.cjs',
      ],
      config: {
        // Enums are const objects (and a union type of the same name), so code can list their
        // values: the SPA checks it has a translation for every ErrorReason and ErrorCode.
        enumsAsConst: true,
        namingConvention: { enumValues: 'keep' },
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        defaultScalarType: 'unknown',
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
};

export default config;
