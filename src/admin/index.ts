export { ADMIN_CONTENT_SECURITY_POLICY, ADMIN_SECURITY_HEADERS } from './admin-security-headers.js';
export { type AdminRequestHandlerOptions, createAdminRequestHandler } from './create-admin-request-handler.js';
export { type AdminAsset, loadAdminAssets, resolveAdminStaticDir } from './load-admin-assets.js';
