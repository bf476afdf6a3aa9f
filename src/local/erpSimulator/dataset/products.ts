import { COLORS, GARMENTS, SIZES, UNIT_PRICES_CENTS, type BrandEntry } from './catalog.js';
import type { Random } from './random.js';
import type { LineFacts } from './storyTypes.js';

/** Hands out products with unique, valid EAN13 barcodes (Brazil's 789 prefix). */
export class ProductMaker {
  private nextProduct = 1;

  constructor(private readonly rng: Random) {}

  /** A sold line: a garment of the brand, with typed barcodes and sometimes a line discount. */
  line(item: number, brand: BrandEntry, quantity: number): LineFacts {
    const rng = this.rng;
    const [colorCode, color] = rng.pick(COLORS);
    const size = rng.pick(SIZES);
    const unitPriceCents = rng.pick(UNIT_PRICES_CENTS);
    const discountCents = rng.chance(0.25) ? Math.round((quantity * unitPriceCents * rng.pick([10, 15, 20])) / 100) : 0;
    return this.withBarcodes({
      item,
      description: rng.pick(GARMENTS),
      colorCode,
      color,
      size,
      quantity,
      unitPriceCents,
      discountCents,
      brand,
      gift: false,
    });
  }

  /** The zero-priced gift some orders carry. */
  giftLine(item: number, brand: BrandEntry): LineFacts {
    return this.withBarcodes({
      item,
      description: 'Brinde: sacola reutilizável',
      colorCode: '01',
      color: 'Branco',
      size: 'U',
      quantity: 1,
      unitPriceCents: 0,
      discountCents: 0,
      brand,
      gift: true,
    });
  }

  private withBarcodes(
    base: Pick<LineFacts, 'item' | 'description' | 'colorCode' | 'color' | 'size' | 'quantity' | 'unitPriceCents' | 'discountCents' | 'gift'> & { brand: BrandEntry },
  ): LineFacts {
    const rng = this.rng;
    const productId = this.nextProduct++;
    const productCode = `${String(970000 + productId).padStart(7, '0')}${base.colorCode}`;
    const ean = ean13(`789${String(100000000 + productId).slice(-9)}`);
    const internal = `2${String(productId).padStart(11, '0')}`;
    // Typed barcodes in any order, the EAN13 always among them; `barra` is the EAN most of the time.
    const typed = [{ tipo: 'EAN13', barra: ean }, { tipo: 'INTERNO', barra: internal }];
    if (rng.chance(0.2)) typed.push({ tipo: 'DUN14', barra: `1${ean}` });
    return {
      item: base.item,
      productId,
      productCode,
      sku: `${productCode}-${base.size}`,
      description: base.description,
      colorCode: base.colorCode,
      color: base.color,
      size: base.size,
      quantity: base.quantity,
      unitPriceCents: base.unitPriceCents,
      discountCents: base.discountCents,
      ean,
      barcodes: rng.shuffle(typed),
      defaultBarcode: rng.chance(0.7) ? ean : internal,
      brandCode: base.brand.code,
      brandName: base.brand.name,
      gift: base.gift,
    };
  }
}

/** Appends the EAN13 check digit to 12 digits. */
export function ean13(twelve: string): string {
  const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}
