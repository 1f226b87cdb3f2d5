export { installFakeApi, FakeApiError, fakeToken, type FakeApi, type FakeCall, type FakeHandler } from './fake-api.ts';
