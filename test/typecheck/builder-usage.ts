/**
 * Compile-time checks of the generated API, type-checked by test/output/compile.test.ts: each
 * `@ts-expect-error` must meet an error, or tsc reports the directive as unused.
 */
import {
  BankTransferBuilder,
  CreateCustomerBuilder,
  LineItemBuilder,
  OrderBuilder,
  OrderStatus,
  orderExample,
  type CreateCustomer,
  type LineItem,
  type Order,
} from "../../generated/index.js";

// Every required field set: build() takes no argument.
export const item: LineItem = new LineItemBuilder().sku("MUG-BLUE-350").quantity(1).unitPrice(9.5).build();

// A model without required fields builds from nothing.
export const customer: CreateCustomer = new CreateCustomerBuilder().build();

// @ts-expect-error unitPrice is required and was not set
export const missingPrice: LineItem = new LineItemBuilder().sku("MUG-BLUE-350").quantity(1).build();

// @ts-expect-error quantity is a number
export const wrongType: unknown = new LineItemBuilder().quantity("2");

// from() starts with every field set.
export const edited: Order = OrderBuilder.from(orderExample).status(OrderStatus.Shipped).build();

// @ts-expect-error "lost" is not an OrderStatus
export const badStatus: OrderStatus = "lost";

// A nullable field takes null; under exactOptionalPropertyTypes no setter takes undefined.
export const noReference: BankTransferBuilder<"reference"> = new BankTransferBuilder().reference(null);
// @ts-expect-error a setter takes the field's value, never undefined
export const undefinedCoupon: unknown = new OrderBuilder().couponCode(undefined);

// The builder's type names the fields set so far.
export const started: LineItemBuilder<"sku"> = new LineItemBuilder().sku("MUG-BLUE-350");
// @ts-expect-error a builder with only `sku` set has not set `quantity`
export const claimed: LineItemBuilder<"sku" | "quantity"> = new LineItemBuilder().sku("MUG-BLUE-350");
