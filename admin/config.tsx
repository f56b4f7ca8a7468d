import type { AdminConfig } from '@keystone-6/core/types'
import { Logo } from './components/Logo'
import { Navigation } from './components/Navigation'
import { installPlainErrors } from './plain-errors'

export const components: AdminConfig['components'] = { Logo, Navigation }

installPlainErrors()
