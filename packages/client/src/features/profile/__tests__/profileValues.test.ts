import { anAccount } from '../../../test/mocks';
import { changedFields, valuesFromAccount } from '../profileValues';

describe('changedFields', () => {
  const saved = valuesFromAccount(anAccount({ username: 'ada', locale: 'en-GB' }));

  it('is empty when nothing changed, even for a regional locale', () => {
    expect(saved.locale).toBe('en');
    expect(changedFields(saved, { ...saved, fullName: ` ${saved.fullName} ` })).toEqual({});
  });

  it('sends null to clear the username and the country', () => {
    expect(changedFields(saved, { ...saved, username: '  ', country: '' })).toEqual({
      username: null,
      country: null,
    });
  });

  it('sends each changed field', () => {
    expect(
      changedFields(saved, { ...saved, timezone: 'Asia/Tokyo', locale: 'es', country: 'JP' }),
    ).toEqual({ timezone: 'Asia/Tokyo', locale: 'es', country: 'JP' });
  });
});
