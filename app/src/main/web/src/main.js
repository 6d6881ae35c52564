import { createApp } from 'vue'
import { createI18n } from 'vue-i18n'
import { createRouter, createWebHashHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import enLocale from 'element-plus/es/locale/lang/en'
import 'element-plus/dist/index.css'
import App from './App.vue'
import Tasklist from './views/Tasklist.vue'
import Cockpit from './views/Cockpit.vue'
import SpotView from './views/SpotView.vue'
import Imports from './views/Imports.vue'
import Processes from './views/Processes.vue'
import InstanceView from './views/InstanceView.vue'
import zh from './i18n/zh-CN.js'
import en from './i18n/en.js'
import './landwatch.css'

const locale = localStorage.getItem('landwatch.locale') === 'en' ? 'en' : 'zh-CN'
document.documentElement.lang = locale

const i18n = createI18n({
  legacy: false,
  locale,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, en }
})

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', component: { render: () => null } },
    { path: '/tasks/:taskKey?', component: Tasklist, props: true },
    { path: '/cockpit', component: Cockpit },
    { path: '/spots/:code', component: SpotView, props: true },
    { path: '/imports', component: Imports },
    { path: '/processes', component: Processes },
    { path: '/processes/instances/:instanceKey', component: InstanceView, props: true }
  ]
})

createApp(App)
  .use(i18n)
  .use(router)
  .use(ElementPlus, { locale: locale === 'en' ? enLocale : zhCn })
  .mount('#app')
