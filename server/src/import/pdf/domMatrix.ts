// The 2-D affine DOMMatrix pdf.js needs outside a browser. Rendering is never used here, but the
// worker compiles Type 3 font glyphs (the bar-code font of every UN cover page is one) with
// `new DOMMatrix().scaleSelf(…).translateSelf(…)`. In development pdf.js borrows DOMMatrix from the
// optional @napi-rs/canvas package; the .vsix and the npm package ship no node_modules, so without
// this every official PDF failed with "DOMMatrix is not defined" (test/package/pack.test.ts caught it).
export class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: readonly number[] | AffineMatrix) {
    if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init as number[];
    else if (init instanceof AffineMatrix) ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = init);
  }

  /** this = this × other */
  multiplySelf(other: AffineMatrix | readonly number[]): this {
    const o = other instanceof AffineMatrix ? other : new AffineMatrix(other);
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }

  /** this = other × this */
  preMultiplySelf(other: AffineMatrix | readonly number[]): this {
    const result = new AffineMatrix(other).multiplySelf(this);
    ({ a: this.a, b: this.b, c: this.c, d: this.d, e: this.e, f: this.f } = result);
    return this;
  }

  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf([1, 0, 0, 1, tx, ty]);
  }

  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf([sx, 0, 0, sy, 0, 0]);
  }

  invertSelf(): this {
    const { a, b, c, d, e, f } = this;
    const det = a * d - b * c;
    if (det === 0) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN];
      return this;
    }
    [this.a, this.b, this.c, this.d] = [d / det, -b / det, -c / det, a / det];
    [this.e, this.f] = [(c * f - d * e) / det, (b * e - a * f) / det];
    return this;
  }

  translate(tx = 0, ty = 0): AffineMatrix {
    return new AffineMatrix(this).translateSelf(tx, ty);
  }

  scale(sx = 1, sy = sx): AffineMatrix {
    return new AffineMatrix(this).scaleSelf(sx, sy);
  }

  multiply(other: AffineMatrix | readonly number[]): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(other);
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }
}
