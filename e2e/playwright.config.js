"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
var _a, _b;
var _c;
Object.defineProperty(exports, "__esModule", { value: true });
var node_fs_1 = require("node:fs");
var node_os_1 = require("node:os");
var node_path_1 = require("node:path");
var test_1 = require("@playwright/test");
var PORT = Number((_a = process.env.E2E_PORT) !== null && _a !== void 0 ? _a : 3100);
// One fresh data directory per run; set in the environment so Playwright's workers see the same one.
(_b = (_c = process.env).E2E_DATA_DIR) !== null && _b !== void 0 ? _b : (_c.E2E_DATA_DIR = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'atende-e2e-')));
/**
 * Playwright cannot download its own browser on every machine: use a system Chromium when one is
 * configured (CHROMIUM_PATH) or installed (Debian's /usr/bin/chromium), Playwright's own elsewhere.
 */
var systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(function (path) { return Boolean(path && (0, node_fs_1.existsSync)(path)); });
exports.default = (0, test_1.defineConfig)({
    testDir: './tests',
    // Journeys share one server and database: run them one at a time so their data never collides.
    workers: 1,
    fullyParallel: false,
    forbidOnly: true,
    retries: 0,
    timeout: 30000,
    expect: { timeout: 7000 },
    reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
    outputDir: '../test-results',
    use: {
        baseURL: "http://localhost:".concat(PORT),
        locale: 'pt-BR',
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
    },
    projects: [
        {
            name: 'chromium',
            use: __assign(__assign({}, test_1.devices['Desktop Chrome']), { launchOptions: __assign(__assign({}, (systemChromium ? { executablePath: systemChromium } : {})), { args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] }) }),
        },
    ],
    webServer: {
        command: 'pnpm --filter @atende/bff start',
        cwd: '..',
        url: "http://localhost:".concat(PORT, "/healthz"),
        reuseExistingServer: false,
        timeout: 60000,
        env: { PORT: String(PORT), DATA_DIR: process.env.E2E_DATA_DIR, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
    },
});
