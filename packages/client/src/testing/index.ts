export { installFakeApi, FakeApiError, fakeToken, type FakeApi, type FakeCall, type FakeHandler } from './fake-api.ts';
export { deepText } from './deep-text.ts';
