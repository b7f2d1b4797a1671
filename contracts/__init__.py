"""The published language of Opvangloket: event models, envelope, topics and upcasters.

Everything that crosses the bus is defined here and nowhere else. Events carry identifiers,
dates, municipality codes, care patterns and category flags: never names, addresses, contact
details or free text about a family (SPEC section 4).
"""
