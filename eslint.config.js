import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'

export default defineConfigWithVueTs(
  { ignores: ['.tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // The shared domain and contract modules define zod schemas: importing a value from them would
    // put zod into the page, whose eval probe the CSP blocks. The renderer imports their types only.
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@shared/domain', '@shared/contract'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Import types only; lists of values live in src/renderer/src/constants.ts.',
          })),
        },
      ],
    },
  },
  skipFormatting,
)
