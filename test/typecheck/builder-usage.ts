/**
 * Compile-time checks of the generated API, type-checked by test/compile.test.ts: each
 * `@ts-expect-error` must meet an error, or tsc reports the directive as unused.
 */
import { CreateCustomerBuilder, LineItemBuilder, OrderBuilder, OrderStatus, orderExample, type Order } from "../../generated/index.js";

// Every required field set: build() takes no argument.
export const item = new LineItemBuilder().sku("MUG-BLUE-350").quantity(1).unitPrice(9.5).build();

// A model without required fields builds from nothing.
export const customer = new CreateCustomerBuilder().build();

// @ts-expect-error unitPrice is required and was not set
export const missingPrice = new LineItemBuilder().sku("MUG-BLUE-350").quantity(1).build();

// @ts-expect-error quantity is a number
export const wrongType = new LineItemBuilder().quantity("2");

// from() starts with every field set.
export const edited: Order = OrderBuilder.from(orderExample).status(OrderStatus.Shipped).build();

// @ts-expect-error "lost" is not an OrderStatus
export const badStatus: OrderStatus = "lost";
