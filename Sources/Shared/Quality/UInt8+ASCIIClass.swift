extension UInt8 {
    /// An ASCII `0`–`9`; the PII detectors read text as UTF-8 bytes and every pattern they know is ASCII.
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    /// An ASCII letter of either case.
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    /// An ASCII letter or digit.
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }

    /// A byte that continues a word (letters, digits, `_`): a match may not start or end next to one, so digits
    /// inside `v1.2.3.4` or `SKU4111…` are never taken for an address or a card.
    var isWordByte: Bool { isASCIIAlphanumeric || self == UInt8(ascii: "_") }

    /// The upper-case form of an ASCII letter; any other byte unchanged.
    var asciiUppercased: UInt8 { isASCIILetter ? self & ~0x20 : self }

    /// The value of an ASCII digit (only meaningful when `isASCIIDigit`).
    var digitValue: Int { Int(self) - Int(UInt8(ascii: "0")) }
}
