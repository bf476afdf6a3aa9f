import { CITIES, COMPANIES, DISTRICTS, FIRST_NAMES, STREETS, SURNAMES } from './catalog.js';
import type { Random } from './random.js';
import type { CustomerFacts } from './storyTypes.js';

/** A customer of the web shop: a person with a CPF mostly, a company with a CNPJ sometimes. */
export function makeCustomer(rng: Random, index: number): CustomerFacts {
  const company = rng.chance(0.05);
  const name = company ? rng.pick(COMPANIES) : `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
  const [city, state, ddd, cepPrefix] = rng.pick(CITIES);
  return {
    id: String(300000 + index),
    name,
    email: `${asciiHandle(name)}${index}@exemplo.com.br`,
    document: company ? { kind: 'cnpj', digits: checkedDigits(rng, 12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]) } : { kind: 'cpf', digits: checkedDigits(rng, 9, null) },
    address: {
      street: rng.pick(STREETS),
      number: rng.chance(0.05) ? 's/n' : String(rng.int(10, 3999)),
      complement: rng.chance(0.4) ? `apto ${rng.int(11, 204)}` : null,
      district: rng.pick(DISTRICTS),
      city,
      state,
      postalCode: `${cepPrefix}${rng.digits(6)}`,
      ddd,
      phone: `9${rng.digits(8)}`,
    },
  };
}

function asciiHandle(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** A CPF (9 digits + 2 check digits) or CNPJ (12 + 2) with valid check digits. */
function checkedDigits(rng: Random, base: number, firstWeights: number[] | null): string {
  let digits = rng.digits(base);
  for (let round = 0; round < 2; round++) {
    const weights = firstWeights
      ? (round === 0 ? firstWeights : [6, ...firstWeights])
      : Array.from({ length: digits.length }, (_, i) => digits.length + 1 - i);
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
    const rest = sum % 11;
    digits += String(rest < 2 ? 0 : 11 - rest);
  }
  return digits;
}
