import { byId, h, replaceChildren } from '../dom.js';
import { describeErrors, graphql } from '../graphql-client.js';

/** The platform facts in the top bar: version, schema version, installation id. */
export function createPlatformView() {
  const info = byId('platform-info');

  /** @param {string} label @param {string} value @param {string} [className] */
  const item = (label, value, className = '') =>
    h('div', { className: `info-item ${className}`.trim() }, h('dt', {}, label), h('dd', { title: value }, value));

  return {
    async refresh() {
      const result = await graphql('query AdminPlatform { platform { version installationId schemaVersion } }');
      const platform = result.data?.platform;
      if (!platform) {
        replaceChildren(
          info,
          h('div', { className: 'info-item is-error' }, h('dt', {}, 'Platform'), h('dd', {}, describeErrors(result.errors))),
        );
        return;
      }
      replaceChildren(
        info,
        item('Version', platform.version),
        item('Schema', `v${platform.schemaVersion}`),
        item('Installation', platform.installationId, 'info-id'),
      );
    },
    clear: () => replaceChildren(info),
  };
}
