import { z } from 'zod';

// Validation messages not written by hand in a schema come out in pt-BR, the portal's default language.
z.config(z.locales.pt());
