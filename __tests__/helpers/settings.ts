// The settings builders live beside the stand-ins (emulator/fixtures/), shared with bench/; tests import them here too.
export { gateSettings, tuningSettings, unpacedLimiter } from '../../emulator/fixtures/settings.js';
