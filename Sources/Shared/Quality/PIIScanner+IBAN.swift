extension PIIScanner {
    /// The end of an IBAN starting at `start`: a country code, two check digits and the account, optionally in
    /// space-separated groups, exactly as long as that country's IBANs and passing the ISO 13616 mod-97 check.
    ///
    /// Only countries in `ibanLengths` are recognised: without the length, 1 text in 97 that looks like an IBAN
    /// would pass the checksum by chance.
    static func ibanEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard start + 4 <= bytes.count, bytes[start].isASCIILetter, bytes[start + 1].isASCIILetter,
            bytes[start + 2].isASCIIDigit, bytes[start + 3].isASCIIDigit,
            !(byte(before: start, in: bytes)?.isWordByte ?? false)
        else { return nil }
        let country = String(decoding: [bytes[start].asciiUppercased, bytes[start + 1].asciiUppercased], as: UTF8.self)
        guard let length = ibanLengths[country] else { return nil }
        var characters: [UInt8] = []
        characters.reserveCapacity(length)
        var index = start
        while index < bytes.count, characters.count < length {
            if bytes[index].isASCIIAlphanumeric {
                characters.append(bytes[index].asciiUppercased)
            } else if !(bytes[index] == UInt8(ascii: " ") && index + 1 < bytes.count
                && bytes[index + 1].isASCIIAlphanumeric)
            {
                break
            }
            index += 1
        }
        guard characters.count == length, !(index < bytes.count && bytes[index].isWordByte),
            passesMod97(characters)
        else { return nil }
        return index
    }

    /// ISO 13616: with the first four characters moved to the end and letters read as 10–35, the number is 1
    /// modulo 97. Computed a digit at a time, so no big integers are needed.
    static func passesMod97(_ characters: [UInt8]) -> Bool {
        var remainder = 0
        for character in characters[4...] + characters[..<4] {
            if character.isASCIIDigit {
                remainder = (remainder * 10 + character.digitValue) % 97
            } else {
                remainder = (remainder * 100 + Int(character - UInt8(ascii: "A")) + 10) % 97
            }
        }
        return remainder == 1
    }

    /// IBAN lengths of the SWIFT registry's countries.
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
        "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
        "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
        "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]
}
