import { createRouter, createWebHashHistory } from 'vue-router'
import type { RouteRecordRaw } from 'vue-router'
import NumbersView from './views/NumbersView.vue'
import PlanSettingsView from './views/PlanSettingsView.vue'
import LocationsView from './views/LocationsView.vue'
import RightsView from './views/RightsView.vue'
import UsersView from './views/UsersView.vue'
import MyTelephonyView from './views/MyTelephonyView.vue'
import UserProfileView from './views/UserProfileView.vue'
import UsersImportView from './views/UsersImportView.vue'
import HealthView from './views/HealthView.vue'
import CompareView from './views/CompareView.vue'
import HistoryView from './views/HistoryView.vue'

/**
 * The app's screens. Hash history: the page is served as `app://switchboard/index.html` in
 * Electron and from the browser bridge; a hash route never asks the server for another path.
 * Each screen's `meta.nav` places it in the navigation drawer (group and label key, icon).
 */
export interface NavMeta {
  group: 'phoneSystem' | 'account'
  /** vue-i18n key of the item's label. */
  label: string
  icon: string
  /** Shown only to admins (the main process refuses the rest anyway). */
  adminOnly?: boolean
}

declare module 'vue-router' {
  interface RouteMeta {
    nav?: NavMeta
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/users' },
  {
    path: '/me',
    name: 'my-telephony',
    component: MyTelephonyView,
    meta: { nav: { group: 'phoneSystem', label: 'profile.mine.nav', icon: 'myTelephony' } },
  },
  {
    path: '/users',
    name: 'users',
    component: UsersView,
    meta: { nav: { group: 'phoneSystem', label: 'nav.users', icon: 'users' } },
  },
  { path: '/users/import', name: 'users-import', component: UsersImportView },
  { path: '/users/:id', name: 'user-profile', component: UserProfileView },
  {
    path: '/numbers',
    name: 'numbers',
    component: NumbersView,
    meta: { nav: { group: 'phoneSystem', label: 'nav.numbers', icon: 'numbers', adminOnly: true } },
  },
  {
    path: '/settings',
    name: 'settings',
    component: PlanSettingsView,
    meta: { nav: { group: 'account', label: 'nav.settings', icon: 'settings', adminOnly: true } },
  },
  {
    path: '/locations',
    name: 'locations',
    component: LocationsView,
    meta: { nav: { group: 'account', label: 'nav.locations', icon: 'locations', adminOnly: true } },
  },
  {
    path: '/rights',
    name: 'rights',
    component: RightsView,
    meta: { nav: { group: 'account', label: 'rights.nav', icon: 'rights', adminOnly: true } },
  },
  {
    path: '/health',
    name: 'health',
    component: HealthView,
    meta: { nav: { group: 'account', label: 'health.nav', icon: 'health', adminOnly: true } },
  },
  {
    path: '/compare',
    name: 'compare',
    component: CompareView,
    meta: { nav: { group: 'account', label: 'compare.nav', icon: 'compare', adminOnly: true } },
  },
  {
    path: '/history',
    name: 'history',
    component: HistoryView,
    meta: { nav: { group: 'account', label: 'history.nav', icon: 'history', adminOnly: true } },
  },
  { path: '/:unknown(.*)*', redirect: '/users' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
