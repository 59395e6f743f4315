// Integration tests wait on real brokers and databases; a unit-test timeout would be too short.
jest.setTimeout(90_000);
