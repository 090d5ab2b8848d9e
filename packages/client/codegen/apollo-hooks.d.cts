import type { PluginFunction, Types } from '@graphql-codegen/plugin-helpers';

export declare const plugin: PluginFunction<Record<string, never>, Types.ComplexPluginOutput>;
