import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './plugins/i18n'
import { vuetify } from './plugins/vuetify'
import './styles.css'

createApp(App).use(createPinia()).use(i18n).use(vuetify).mount('#app')
